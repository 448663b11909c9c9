package com.coursedesk.app;

import com.coursedesk.sandbox.DemoAccount;
import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in demo: the sandbox billing server, started in-process on loopback the first
 * time the demo is chosen, with its data kept under the app's data directory so what a
 * learner does in the demo survives a restart.
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

    private final Path dataFile;
    private SandboxServer server;

    public DemoServer(Path dataFile) {
        this.dataFile = dataFile;
    }

    /** Starts the sandbox if needed (about a second on first start, while it seeds). */
    public synchronized URI baseUri() {
        if (server == null) {
            try {
                server = SandboxServer.start(SandboxOptions.demo(dataFile));
                LOG.info("Demo server started at {}", server.baseUri());
            } catch (IOException e) {
                throw new UncheckedIOException("The demo server could not start", e);
            }
        }
        return server.baseUri();
    }

    /** The demo's accounts and passwords, shown on the sign-in screen (not the scale-test one). */
    public List<DemoAccount> accounts() {
        return SandboxServer.seededAccounts().stream().filter(a -> !a.email().startsWith("scale@")).toList();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
