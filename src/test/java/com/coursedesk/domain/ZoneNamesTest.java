package com.coursedesk.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The zone as a learner reads it: "UTC", "UTC+05:30", "Central European Time", never "Etc/UTC". */
class ZoneNamesTest {

    private static final Locale ES = Locale.forLanguageTag("es-ES");

    @ParameterizedTest
    @ValueSource(strings = {"Etc/UTC", "UTC", "Etc/GMT", "GMT", "Z", "Etc/Universal", "Zulu", "UTC+00:00", "+00:00"})
    void everyNameOfUtcIsSaidUtcInEveryLanguage(String id) {
        ZoneId zone = ZoneId.of(id);
        assertThat(ZoneNames.name(zone, Locale.US)).isEqualTo("UTC");
        assertThat(ZoneNames.name(zone, ES)).isEqualTo("UTC");
        assertThat(ZoneNames.isUtc(zone)).isTrue();
        assertThat(ZoneNames.nameIsExact(zone)).as("no id needed after UTC").isTrue();
    }

    @Test
    void aFixedOffsetIsUtcPlusTheOffset() {
        assertThat(ZoneNames.name(ZoneOffset.ofHoursMinutes(5, 30), Locale.US)).isEqualTo("UTC+05:30");
        assertThat(ZoneNames.name(ZoneId.of("UTC+05:30"), ES)).isEqualTo("UTC+05:30");
        // Etc/GMT-5 is five hours ahead of UTC, whatever its id's sign says.
        assertThat(ZoneNames.name(ZoneId.of("Etc/GMT-5"), Locale.UK)).isEqualTo("UTC+05:00");
        assertThat(ZoneNames.name(ZoneId.of("Etc/GMT+3"), Locale.UK)).isEqualTo("UTC-03:00");
        assertThat(ZoneNames.isUtc(ZoneOffset.ofHours(1))).isFalse();
        assertThat(ZoneNames.nameIsExact(ZoneOffset.ofHours(1))).isTrue();
    }

    @Test
    void aRegionIsNamedAllYearInTheLearnersLanguage() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(ZoneNames.name(paris, Locale.US)).isEqualTo("Central European Time");
        assertThat(ZoneNames.name(paris, Locale.UK)).isEqualTo("Central European Time");
        assertThat(ZoneNames.name(paris, ES)).isEqualTo("hora de Europa central");
        assertThat(ZoneNames.name(ZoneId.of("America/Argentina/Buenos_Aires"), Locale.US)).isEqualTo("Argentina Time");
        assertThat(ZoneNames.name(ZoneId.of("America/Argentina/Buenos_Aires"), ES)).isEqualTo("hora de Argentina");
        assertThat(ZoneNames.isUtc(paris)).isFalse();
        assertThat(ZoneNames.nameIsExact(paris)).as("Madrid shares the name, not the past").isFalse();
        // London keeps UTC's time in winter only: it is not UTC.
        assertThat(ZoneNames.isUtc(ZoneId.of("Europe/London"))).isFalse();
    }

    @Test
    void aZoneTheJdkCannotNameIsItsPlace() {
        // JDK 17 has no Spanish name for MET: it gives the id back.
        assertThat(ZoneId.of("MET").getDisplayName(java.time.format.TextStyle.FULL, ES)).isEqualTo("MET");
        assertThat(ZoneNames.name(ZoneId.of("MET"), ES)).isEqualTo("MET");
        // Nor for Punta Arenas: it answers in English, which a Spanish sentence should not carry.
        assertThat(ZoneNames.name(ZoneId.of("America/Punta_Arenas"), ES)).isEqualTo("Punta Arenas");
        assertThat(ZoneNames.name(ZoneId.of("America/Punta_Arenas"), Locale.US)).isEqualTo("Punta Arenas Time");
        // A language the JDK has no zone names in at all keeps its English names.
        assertThat(ZoneNames.name(ZoneId.of("Europe/Paris"), new Locale("xx"))).isEqualTo("Central European Time");
    }

    @Test
    void thePlaceIsTheLastPartOfTheIdWithSpaces() {
        assertThat(ZoneNames.place(ZoneId.of("America/Argentina/Buenos_Aires"))).isEqualTo("Buenos Aires");
        assertThat(ZoneNames.place(ZoneId.of("America/North_Dakota/New_Salem"))).isEqualTo("New Salem");
        assertThat(ZoneNames.place(ZoneId.of("MET"))).isEqualTo("MET");
    }
}
