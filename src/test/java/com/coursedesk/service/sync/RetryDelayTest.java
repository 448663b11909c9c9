package com.coursedesk.service.sync;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelayTest {

    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

    private static RetryDelay in(long millis) {
        return RetryDelay.between(NOW, NOW.plusMillis(millis));
    }

    @Test
    void aRetryIsSaidRoughlyNeverCountedToTheSecond() {
        assertThat(in(-2_000).key()).as("already due").isEqualTo("format.retryIn.fewSeconds");
        assertThat(in(9_400).key()).isEqualTo("format.retryIn.fewSeconds");
        assertThat(in(9_600)).isEqualTo(new RetryDelay("format.retryIn.seconds", 10));
        assertThat(in(23_000)).isEqualTo(new RetryDelay("format.retryIn.seconds", 25));
        assertThat(in(49_000)).isEqualTo(new RetryDelay("format.retryIn.seconds", 50));
        assertThat(in(50_000)).isEqualTo(new RetryDelay("format.retryIn.minutes", 1));
        assertThat(in(89_000)).isEqualTo(new RetryDelay("format.retryIn.minutes", 1));
        assertThat(in(150_000)).isEqualTo(new RetryDelay("format.retryIn.minutes", 3));
    }
}
