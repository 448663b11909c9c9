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
 * otherwise load one by one on its way to the first signed-in page: about 2,200 of JavaFX's
 * CSS, window, control, skin and FXML classes, read from their jars and defined. The list runs
 * in the order the classes are first needed, from the toolkit's start on: the theme's
 * stylesheet, the scene and the window (about 830 classes, which the FX thread loaded itself
 * while it applied the theme and showed the window, 40-60 ms of its time), then the page.
 * Loading a class once serves every thread.
 *
 * <p>Classes are loaded, not initialised: no static initialiser runs early (JavaFX's touch the
 * toolkit and the theme), so preloading cannot change what the app does, only when the bytes
 * are read. A name that no longer exists (the list is from another version of JavaFX) is
 * skipped.
 *
 * <p>The list, {@value #LIST}, is the classes the JVM loaded from jars and JDK modules (not
 * from the app, not generated) between the toolkit's start and the table drawn. To make it
 * again after upgrading JavaFX or changing the first page, start the window with preloading
 * off ({@value #SWITCH}{@code =false}) so that every class shows where it is first needed:
 * <pre>
 * java -Dcoursedesk.preloadClasses=false -Xlog:class+load=info:file=classes.txt:uptimemillis ... \
 *     com.coursedesk.Main --data-dir DIR            # with -Dcoursedesk.bench.openAccount and .report
 * </pre>
 * and keep the names after the line of {@code com.coursedesk.platform.WindowStateStore} (the
 * first class {@code init()} loads, once the toolkit has started) up to the first
 * {@code java.lang.management} class (the probe's, as it measures), whose source is a
 * {@code jrt:} module or a library's jar (skip {@code shared objects file}, {@code __JVM_*},
 * the app's own jar and names with {@code /0x}); then the classes from JavaFX's graphics jar of
 * the next 60 ms, with which the renderer draws that frame.
 */
final class ClassPreloader {

    static final String LIST = "first-page-classes.txt";
    /** The system property that turns preloading off (to make the list again). */
    static final String SWITCH = "coursedesk.preloadClasses";
    private static final Logger LOG = LoggerFactory.getLogger(ClassPreloader.class);

    private ClassPreloader() {
    }

    /** Loads every class on the list that exists; returns how many (none when switched off). Never throws. */
    static int preloadFirstPage() {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            return 0;
        }
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
