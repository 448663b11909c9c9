package com.coursedesk.domain;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A time zone named as people know it, in their language: "Central European Time", "hora de
 * Europa central", "UTC", "UTC+05:30", never a raw id such as "Etc/UTC". Here rather than in
 * the UI's {@code Formats} because the documents and the command line name the zone too, and
 * they sit below the UI; like {@link Money#format(Locale)}, it uses no words of the bundle.
 */
public final class ZoneNames {

    /** The international symbol, written the same in every language. */
    private static final String UTC = "UTC";
    private static final Pattern OFFSET_NAME = Pattern.compile("^(GMT|UTC)\\s*[+\\-\u2212].*");

    private ZoneNames() {
    }

    /**
     * The zone's name for people reading {@code locale}:
     * <ul>
     * <li>UTC and every zone that keeps its time (Etc/UTC, UTC, GMT, Etc/Universal, Zulu, Z,
     *     +00:00): "UTC";</li>
     * <li>any other fixed offset (UTC+05:30, Etc/GMT-5, +05:30): "UTC+05:30", "UTC+05:00";</li>
     * <li>a region: the JDK's generic name, the same in summer and winter ("Central European
     *     Time", "hora de Argentina");</li>
     * <li>a region the JDK cannot name in that language (it gives the id back, a bare offset, or
     *     its English name in another language): the place in the id ("Buenos Aires").</li>
     * </ul>
     */
    public static String name(ZoneId zone, Locale locale) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
        if (zone.normalized() instanceof ZoneOffset offset) {
            return isUtc(offset) ? UTC : UTC + offset.getId();
        }
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        if (name.isBlank() || name.equals(zone.getId()) || OFFSET_NAME.matcher(name).matches()
                || untranslated(zone, locale, name)) {
            return place(zone);
        }
        return name;
    }

    /** Whether the zone keeps UTC's time all year: Etc/UTC, UTC, GMT, Etc/Universal, Zulu, Z, +00:00. */
    public static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /**
     * Whether {@link #name} alone pins the zone down (UTC and fixed offsets): a region's name is
     * shared by several zones with different histories, so a printed page adds the id to it.
     */
    public static boolean nameIsExact(ZoneId zone) {
        return zone.normalized() instanceof ZoneOffset;
    }

    /** The id's last part with spaces: America/Argentina/Buenos_Aires is "Buenos Aires". */
    static String place(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }

    /**
     * The JDK answers in English where its data for a language lacks a zone (Spanish has no
     * "Troll Time"): English in a Spanish sentence reads worse than the place. A language the
     * JDK has no zone names for at all keeps the English ones.
     */
    private static boolean untranslated(ZoneId zone, Locale locale, String name) {
        String language = locale.getLanguage();
        if (language.isEmpty() || language.equals(Locale.ENGLISH.getLanguage())
                || !name.equals(zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH))) {
            return false;
        }
        ZoneId utc = ZoneId.of("Etc/UTC");
        return !utc.getDisplayName(TextStyle.FULL, locale).equals(utc.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
}
