package com.coursedesk.service;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real servers a sign-in cannot use, on loopback: HTTPS with a certificate made in the test by
 * the JDK's {@code keytool} (self-signed, expired, or for another host name), a port that
 * accepts connections and never answers, and a port where nothing listens.
 */
public final class UnusableServers {

    private static final char[] STORE_PASSWORD = "test-store".toCharArray();

    private UnusableServers() {
    }

    /** A key pair and its self-signed certificate, made by {@code keytool} in {@code dir}. */
    public record Certificate(Path keyStore) {

        /** An SSL context that trusts this certificate (as if a provider's IT had installed it). */
        public SSLContext trustingIt() {
            try {
                KeyStore store = load(keyStore);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Generates a certificate for {@code subjectAltNames} (keytool's {@code san=} form, e.g.
     * {@code dns:localhost,ip:127.0.0.1}), valid from {@code startDate} (keytool's form, e.g.
     * {@code -10d}; null for now) for {@code validityDays}.
     */
    public static Certificate certificate(Path dir, String name, String subjectAltNames, String startDate,
                                          int validityDays) {
        Path store = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=CourseDesk test", "-ext", "san=" + subjectAltNames,
                "-validity", String.valueOf(validityDays), "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)));
        if (startDate != null) {
            command.add("-startdate");
            command.add(startDate);
        }
        try {
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Certificate(store);
    }

    /** A self-signed certificate for this computer's names: only its issuer is unknown. */
    public static Certificate selfSigned(Path dir) {
        return certificate(dir, "self-signed", "dns:localhost,ip:127.0.0.1", null, 30);
    }

    /**
     * An HTTPS server on loopback with {@code certificate}, answering every request as a
     * billing server would refuse a wrong password (it is never reached through an unverified
     * certificate). Counts the requests that arrived, to show that none did.
     */
    public static final class Https implements AutoCloseable {

        private final HttpsServer server;
        private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

        public Https(Certificate certificate) {
            try {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(certificate.keyStore()), STORE_PASSWORD);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.setHttpsConfigurator(new HttpsConfigurator(context));
                server.createContext("/", exchange -> {
                    requests.incrementAndGet();
                    try (InputStream in = exchange.getRequestBody()) {
                        in.readAllBytes();
                    }
                    byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"code\":\"invalid_credentials\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(401, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code https://127.0.0.1:PORT}. */
        public URI uri() {
            return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        }

        public int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * A port that accepts connections (the operating system completes them) and never answers:
     * nothing is ever read or written.
     */
    public static final class Silent implements AutoCloseable {

        private final ServerSocket socket;

        public Silent() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public URI httpUri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A port on this computer where nothing listens. */
    public static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyStore load(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD);
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
