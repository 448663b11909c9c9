package com.coursedesk.ui.common;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fails the build on a text that would show up wrong: a key used in code or FXML that a
 * language lacks, languages with different key sets, keys nobody uses, and values whose
 * {@link MessageFormat} placeholders or apostrophes do not follow the rule in
 * {@link Messages}. Reads the source tree, so a key is checked in every shipped language even
 * if no test ever shows that screen.
 *
 * <p>A key counts as used when it is the first argument of {@code messages.get("…")} in
 * {@code src/main/java}, a {@code %key} in an FXML file, or a string literal equal to the key
 * anywhere in {@code src/main/java} (a key chosen in code before it is passed to
 * {@code messages.get(key)}).
 */
class MessagesBundleTest {

    private static final Path MAIN = Path.of("src", "main");
    private static final Path JAVA = MAIN.resolve("java");
    private static final Path RESOURCES = MAIN.resolve("resources");
    private static final Path BUNDLE_DIR = RESOURCES.resolve(Messages.BUNDLE.substring(0, Messages.BUNDLE.lastIndexOf('.')).replace('.', '/'));
    private static final String BUNDLE_NAME = Messages.BUNDLE.substring(Messages.BUNDLE.lastIndexOf('.') + 1);

    private static final Pattern GET_CALL = Pattern.compile("\\bmessages\\s*\\.\\s*get\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("=\\s*\"%([^\"]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    /** Language tag ("" for the base bundle) to its properties. */
    private static Map<String, Properties> bundles;
    /** Key to where it is used, for the failure message. */
    private static Map<String, List<String>> referencedKeys;
    private static Set<String> literalsInCode;

    @BeforeAll
    static void readSources() throws IOException {
        bundles = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(BUNDLE_DIR)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = Pattern.compile(Pattern.quote(BUNDLE_NAME) + "(?:_(\\w+))?\\.properties").matcher(name);
                if (m.matches()) {
                    bundles.put(m.group(1) == null ? "" : m.group(1), readStrictUtf8(file));
                }
            }
        }
        referencedKeys = new TreeMap<>();
        literalsInCode = new TreeSet<>();
        for (Path file : filesUnder(JAVA, ".java")) {
            String source = withoutComments(Files.readString(file));
            collect(GET_CALL, source, file);
            Matcher literal = STRING_LITERAL.matcher(source);
            while (literal.find()) {
                literalsInCode.add(literal.group(1));
            }
        }
        for (Path file : filesUnder(RESOURCES, ".fxml")) {
            collect(FXML_KEY, Files.readString(file).replaceAll("(?s)<!--.*?-->", ""), file);
        }
    }

    /** Java source with its comments blanked out, so that examples in Javadoc are not read as uses. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void commentsAreNotReadAsUses() {
        String source = "/** messages.get(\"a.b\") */ // messages.get(\"c.d\")\n"
                + "String url = \"http://x/*y*/\"; messages.get(\"e.f\");";
        String stripped = withoutComments(source);
        assertThat(stripped).contains("\"http://x/*y*/\"", "messages.get(\"e.f\")")
                .doesNotContain("a.b", "c.d");
    }

    private static void collect(Pattern pattern, String text, Path file) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            referencedKeys.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file.toString());
        }
    }

    private static List<Path> filesUnder(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Properties read as UTF-8 (as {@code ResourceBundle} does), failing on anything else. */
    private static Properties readStrictUtf8(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    @Test
    void shipsExactlyTheDeclaredLanguages() {
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < Messages.SHIPPED_LANGUAGES.size(); i++) {
            expected.add(i == 0 ? "" : Messages.SHIPPED_LANGUAGES.get(i).toLanguageTag().replace('-', '_'));
        }
        assertThat(new TreeSet<>(bundles.keySet()))
                .as("bundle files in %s against Messages.SHIPPED_LANGUAGES", BUNDLE_DIR)
                .isEqualTo(expected);
    }

    @Test
    void theScanFindsKeysInCodeAndFxml() {
        // Guards the scanner itself: if these known uses were not found, the other checks would pass vacuously.
        assertThat(referencedKeys).containsKeys("format.relative.inDays", "app.title");
        assertThat(referencedKeys.get("format.relative.inDays")).anyMatch(f -> f.endsWith("Formats.java"));
        assertThat(referencedKeys.get("app.title")).anyMatch(f -> f.endsWith(".fxml"));
    }

    @Test
    void everyUsedKeyExistsInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        bundles.forEach((language, properties) -> referencedKeys.forEach((key, places) -> {
            if (!properties.containsKey(key)) {
                problems.add(label(language) + " lacks '" + key + "' (used in " + places + ")");
            }
        }));
        if (!problems.isEmpty()) {
            fail("Missing texts:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void everyLanguageHasTheSameKeys() {
        Set<String> base = bundles.get("").stringPropertyNames();
        List<String> problems = new ArrayList<>();
        bundles.forEach((language, properties) -> {
            Set<String> keys = properties.stringPropertyNames();
            for (String key : new TreeSet<>(base)) {
                if (!keys.contains(key)) {
                    problems.add(label(language) + " lacks '" + key + "'");
                }
            }
            for (String key : new TreeSet<>(keys)) {
                if (!base.contains(key)) {
                    problems.add(label(language) + " has '" + key + "', which the base bundle lacks");
                }
            }
        });
        if (!problems.isEmpty()) {
            fail("Bundles differ:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void noKeyIsUnused() {
        Set<String> unused = new TreeSet<>(bundles.get("").stringPropertyNames());
        unused.removeAll(referencedKeys.keySet());
        unused.removeAll(literalsInCode);
        if (!unused.isEmpty()) {
            fail("Keys no code or FXML uses (remove them, or use them):\n  " + String.join("\n  ", unused));
        }
    }

    @Test
    void placeholdersAndApostrophesAreConsistent() {
        Properties base = bundles.get("");
        List<String> problems = new ArrayList<>();
        bundles.forEach((language, properties) -> {
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                String value = properties.getProperty(key);
                if (value.isBlank()) {
                    problems.add(label(language) + " '" + key + "' is empty");
                    continue;
                }
                Set<String> args = placeholders(value);
                String baseValue = base.getProperty(key);
                if (baseValue != null && !args.equals(placeholders(baseValue))) {
                    problems.add(label(language) + " '" + key + "' has arguments " + args
                            + " but the base has " + placeholders(baseValue));
                }
                if (args.isEmpty()) {
                    if (value.contains("''")) {
                        problems.add(label(language) + " '" + key + "' has '' but no arguments: it is shown as written");
                    }
                    continue;
                }
                if (LONE_APOSTROPHE.matcher(value).find()) {
                    problems.add(label(language) + " '" + key + "' has a single ' in a pattern: write '' (or ’)");
                }
                try {
                    new MessageFormat(value, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problems.add(label(language) + " '" + key + "' is not a valid MessageFormat: " + e.getMessage());
                }
            }
        });
        if (!problems.isEmpty()) {
            fail("Badly formed texts:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void theEnglishTextsSpellOneWay() {
        // American spelling, as "Canceled" on every card: a British form beside it reads as a slip.
        Pattern british = Pattern.compile("(?i)\\b(cancell(ed|ing)|personalis\\w*|organis\\w*|recognis\\w*|colour\\w*"
                + "|favourite\\w*|behaviour\\w*|licence)\\b");
        List<String> problems = new ArrayList<>();
        Properties base = bundles.get("");
        for (String key : new TreeSet<>(base.stringPropertyNames())) {
            Matcher found = british.matcher(base.getProperty(key));
            while (found.find()) {
                problems.add("'" + key + "': " + found.group());
            }
        }
        assertThat(problems).as("British spellings in " + label("")).isEmpty();
    }

    private static Set<String> placeholders(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String label(String language) {
        return language.isEmpty() ? BUNDLE_NAME + ".properties" : BUNDLE_NAME + "_" + language + ".properties";
    }

    @Test
    void everyLanguageLoadsThroughMessages() {
        for (Locale language : Messages.SHIPPED_LANGUAGES) {
            Messages messages = Messages.load(language);
            String expected = bundles.get(language.equals(Messages.SHIPPED_LANGUAGES.get(0)) ? "" : language.getLanguage())
                    .getProperty("about.version");
            assertThat(messages.bundle().getString("about.version")).as(language.toString()).isEqualTo(expected);
        }
        assertThat(bundles.values().stream().map(p -> p.getProperty("about.version")).collect(Collectors.toSet()))
                .as("each language has its own words").hasSize(bundles.size());
    }
}
