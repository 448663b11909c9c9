package com.coursedesk.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The first page's classes, loaded ahead: the list still names this build's classes. */
class ClassPreloaderTest {

    @Test
    void theListNamesClassesOfThisBuildAndPreloadingLoadsThem() throws IOException {
        List<String> names;
        try (InputStream in = ClassPreloader.class.getResourceAsStream(ClassPreloader.LIST)) {
            assertThat(in).as("%s next to ClassPreloader", ClassPreloader.LIST).isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        assertThat(names).hasSizeGreaterThan(2000).contains("javafx.scene.control.skin.TableViewSkin",
                "javafx.fxml.FXMLLoader", "javafx.stage.Stage", "javafx.css.Stylesheet");
        int loaded = ClassPreloader.preloadFirstPage();
        // A handful may come and go with the JDK; many missing means the list is from another
        // JavaFX: make it again (ClassPreloader says how).
        assertThat(loaded).as("classes on the list that exist").isGreaterThan(names.size() * 95 / 100);
    }

    @Test
    void switchedOffItLoadsNothing() {
        String before = System.getProperty(ClassPreloader.SWITCH);
        System.setProperty(ClassPreloader.SWITCH, "false");
        try {
            assertThat(ClassPreloader.preloadFirstPage()).isZero();
        } finally {
            if (before == null) {
                System.clearProperty(ClassPreloader.SWITCH);
            } else {
                System.setProperty(ClassPreloader.SWITCH, before);
            }
        }
    }
}
