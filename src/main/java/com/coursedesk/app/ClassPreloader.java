package com.coursedesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads, ahead of time and on the calling thread, the classes that the FX thread would
 * otherwise load one by one while it builds and styles the first signed-in page: about 1,800
 * of JavaFX's controls, skins, CSS and FXML classes, read from their jars and defined, some
 * 15% of that thread's work on the way to the table (measured: 130 ms of its CPU time of
 * 830 ms at start-up). A second core is mostly idle while the window opens, and loading a
 * class once serves every thread.
 *
 * <p>Classes are loaded, not initialised: no static initialiser runs early (JavaFX's touch the
 * toolkit and the theme), so preloading cannot change what the app does, only when the bytes
 * are read. A name that no longer exists (the list is from another version of JavaFX) is
 * skipped.
 *
 * <p>The list, {@value #LIST}, is the classes the JVM loaded from jars and JDK modules (not
 * from the app, not generated) between opening an account and the table drawn. To make it
 * again after upgrading JavaFX or changing the first page:
 * <pre>
 * java -Xlog:class+load=info ... com.coursedesk.Main --data-dir DIR   # with -Dcoursedesk.bench.openAccount
 * </pre>
 * and keep the names after the line of {@code com.coursedesk.ui.shell.AccountContext} whose
 * source is a {@code jar:}/{@code jrt:} or a library's {@code file:} (skip
 * {@code shared objects file}, {@code __JVM_*}, and names with {@code /0x}).
 */
final class ClassPreloader {

    static final String LIST = "first-page-classes.txt";
    private static final Logger LOG = LoggerFactory.getLogger(ClassPreloader.class);

    private ClassPreloader() {
    }

    /** Loads every class on the list that exists; returns how many. Never throws. */
    static int preloadFirstPage() {
        ClassLoader loader = ClassPreloader.class.getClassLoader();
        int loaded = 0;
        try (InputStream in = ClassPreloader.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                if (name.isBlank() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name.strip(), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // From another version of a library: nothing to load ahead.
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot read {}", LIST, e);
        }
        return loaded;
    }
}
