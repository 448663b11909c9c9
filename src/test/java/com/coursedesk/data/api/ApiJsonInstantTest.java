package com.coursedesk.data.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path for timestamps reads exactly what the general RFC 3339 parser reads. */
class ApiJsonInstantTest {

    @Test
    void wholeSecondsInUtcAreReadAsTheGeneralParserReadsThem() {
        for (String text : new String[] {"2026-05-03T10:42:07Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00Z",
            "2026-01-01T00:00:00Z"}) {
            Instant general = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            assertThat(ApiJson.wholeSecondsUtc(text)).as(text).isEqualTo(general);
        }
    }

    @Test
    void anyOtherFormIsLeftToTheGeneralParser() {
        for (String text : new String[] {"2026-05-03T10:42:07.5Z", "2026-05-03T10:42:07+02:00", "2026-02-30T10:42:07Z",
            "2026-05-03T24:00:00Z", "2026-05-03 10:42:07Z", "2026-O5-03T10:42:07Z", "2026-05-03T10:42:07z", ""}) {
            assertThat(ApiJson.wholeSecondsUtc(text)).as(text).isNull();
        }
    }
}
