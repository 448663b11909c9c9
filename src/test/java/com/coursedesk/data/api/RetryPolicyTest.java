package com.coursedesk.data.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void defaultsAreFourAttempts250msBaseAnd30sCap() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.baseDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void ceilingDoublesUntilTheCap() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.backoffCeiling(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.backoffCeiling(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffCeiling(1000)).as("no overflow").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void zeroBaseMeansNoWait() {
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)).backoffCeiling(5)).isEqualTo(Duration.ZERO);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().backoffCeiling(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
