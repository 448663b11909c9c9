package com.coursedesk.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's run command, {@code java @target/jvm.options -jar target/coursedesk.jar}, starts the
 * jar with the installed launcher's JVM options: the build writes that file from
 * {@code packaging/app-image.args}, and the JVM takes it.
 */
class LauncherOptionsFileTest {

    private static final Path APP_IMAGE_ARGS = Path.of("packaging", "app-image.args");

    @Test
    void readmeRunsTheJarWithTheOptionsFile() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String firstBlock = readme.substring(readme.indexOf("```sh") + 5, readme.indexOf("```", readme.indexOf("```sh") + 5));
        assertThat(firstBlock.strip()).endsWith("java @target/jvm.options -jar target/coursedesk.jar");
    }

    @Test
    void theFileHoldsEveryOptionOfTheLauncherThatMeansSomethingOutsideTheImage() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(APP_IMAGE_ARGS, StandardCharsets.UTF_8)) {
            if (line.startsWith("--java-options ") && !line.contains("$APPDIR")) {
                expected.add(line.substring("--java-options ".length()).strip());
            }
        }
        assertThat(expected).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

        List<String> written = Files.readAllLines(optionsFile(), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();

        assertThat(written).containsExactlyElementsOf(expected);
    }

    @Test
    void theJvmTakesTheFile() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "@" + optionsFile(), "-version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Path optionsFile() {
        Path file = Path.of(System.getProperty("coursedesk.jvmOptionsFile", "target/jvm.options"));
        assertThat(file).as("written by the build (pom.xml, execution jvm-options)").isRegularFile();
        return file;
    }
}
