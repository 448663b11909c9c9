package com.coursedesk.service.paperwork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped copy of ical4j leaves out its java.time zone provider (pom.xml, antrun
 * "ical4j-without-zone-provider": it cost every start 130 ms). The calendar export must write
 * the same file without it: it is run here in a JVM whose ical4j jar is stripped the same way.
 */
class CalendarExportWithoutZoneProviderTest {

    static final String PROVIDER_SERVICE = "META-INF/services/java.time.zone.ZoneRulesProvider";

    @TempDir
    Path dir;

    @Test
    void theExportIsTheSameWithoutIcal4jsZoneProvider() throws Exception {
        Path withProvider = dir.resolve("with.ics");
        export(withProvider);
        Path withoutProvider = dir.resolve("without.ics");

        List<String> classPath = new ArrayList<>();
        Path ical4j = Path.of(net.fortuna.ical4j.model.Calendar.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        for (String entry : testClassPath()) {
            classPath.add(Path.of(entry).equals(ical4j) ? stripped(ical4j).toString() : entry);
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), Child.class.getName(), withoutProvider.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        assertThat(output).contains("no ical4j zones");
        assertThat(Files.readString(withoutProvider)).isEqualTo(Files.readString(withProvider));
    }

    /** The export as CalendarExportTest makes it, with a fixed clock. */
    static void export(Path file) throws IOException {
        new CalendarExport(PaperworkTexts.load(Locale.UK), CalendarExportTest.LONDON, Clock.fixed(NOW, ZoneOffset.UTC))
                .save(CalendarExportTest.events(), new Learner("acc_ada", "Ada Lovelace", "ada@example.com",
                        "Demo (built-in sandbox)"), 3, file);
    }

    private static List<String> testClassPath() {
        // Surefire starts tests from a manifest-only jar and names the real class path here.
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(path.split(File.pathSeparator));
    }

    /** A copy of the jar without the zone provider's service file, as the build ships it. */
    private Path stripped(Path jar) throws IOException {
        Path copy = dir.resolve("ical4j-stripped.jar");
        try (JarFile in = new JarFile(jar.toFile()); OutputStream file = Files.newOutputStream(copy);
             JarOutputStream out = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().equals(PROVIDER_SERVICE)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    /** The child JVM: checks that ical4j's zones are not registered, then exports. */
    public static final class Child {

        public static void main(String[] args) throws IOException, URISyntaxException {
            boolean icalZones = ZoneRulesProvider.getAvailableZoneIds().stream().anyMatch(id -> id.startsWith("ical4j"));
            if (icalZones) {
                System.out.println("ical4j zones are registered");
                System.exit(2);
            }
            System.out.println("no ical4j zones");
            export(Path.of(args[0]));
        }
    }
}
