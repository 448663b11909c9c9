package com.coursedesk.ui.about;

import com.coursedesk.ui.common.Messages;

import java.util.Objects;
import java.util.Optional;

/**
 * What the About box says: which version of CourseDesk this is and what it runs on (the first
 * things a bug report needs).
 */
public final class AboutViewModel {

    private final String versionText;
    private final String runtimeText;

    /**
     * @param version        the app's version, empty when running from classes rather than
     *                       from the packaged jar (a development build)
     * @param javaVersion    the Java runtime's version
     * @param javafxVersion  the JavaFX runtime's version
     */
    public AboutViewModel(Messages messages, Optional<String> version, String javaVersion, String javafxVersion) {
        Objects.requireNonNull(messages, "messages");
        this.versionText = version.filter(v -> !v.isBlank())
                .map(v -> messages.get("about.version", v))
                .orElseGet(() -> messages.get("about.version.development"));
        this.runtimeText = messages.get("about.runtime",
                Objects.requireNonNull(javaVersion, "javaVersion"),
                Objects.requireNonNull(javafxVersion, "javafxVersion"));
    }

    /**
     * For the running app: the version is the jar manifest's {@code Implementation-Version},
     * which Maven fills from the pom, so it is never typed twice.
     */
    public static AboutViewModel forRunningApp(Messages messages) {
        Optional<String> version = Optional.ofNullable(AboutViewModel.class.getPackage())
                .map(Package::getImplementationVersion);
        String javafx = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?"));
        return new AboutViewModel(messages, version, System.getProperty("java.version", "?"), javafx);
    }

    /** "Version 0.1.0", or "Development build" without a version. */
    public String versionText() {
        return versionText;
    }

    /** "Java 17.0.12, JavaFX 21.0.11". */
    public String runtimeText() {
        return runtimeText;
    }
}
