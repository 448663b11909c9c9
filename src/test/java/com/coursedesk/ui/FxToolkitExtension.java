package com.coursedesk.ui;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Starts the JavaFX toolkit once per JVM (headless through Monocle: Surefire sets
 * {@code testfx.headless}, {@code prism.order=sw}) for tests that need the FX thread but no
 * robot. Tests that drive a window use TestFX's {@code ApplicationExtension}, which starts the
 * same toolkit.
 */
public final class FxToolkitExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code work} on the FX thread and waits for its result (its exception is rethrown). */
    public static <T> T onFxThread(Callable<T> work) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
