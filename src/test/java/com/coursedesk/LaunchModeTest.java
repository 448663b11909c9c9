package com.coursedesk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Main's choice between window, command line and sandbox, made without loading either. */
class LaunchModeTest {

    @Test
    void theWindowStartsWithoutArgumentsOrWithAnOptionFirst() {
        assertThat(LaunchMode.isCommandLine(new String[] {})).isFalse();
        assertThat(LaunchMode.isCommandLine(new String[] {"--data-dir", "/tmp/x"})).isFalse();
        assertThat(LaunchMode.isCommandLine(new String[] {"--data-dir=/tmp/x"})).isFalse();
        assertThat(LaunchMode.isCommandLine(new String[] {"--data-dir"})).isFalse();
        assertThat(LaunchMode.isCommandLine(new String[] {"--some-javafx-flag"})).isFalse();
    }

    @Test
    void aWordOrAHelpOptionChoosesTheCommandLine() {
        assertThat(LaunchMode.isCommandLine(new String[] {"status"})).isTrue();
        assertThat(LaunchMode.isCommandLine(new String[] {"cli", "status"})).isTrue();
        assertThat(LaunchMode.isCommandLine(new String[] {"--data-dir", "/tmp/x", "sync"})).isTrue();
        assertThat(LaunchMode.isCommandLine(new String[] {"--data-dir=/tmp/x", "purchases"})).isTrue();
        assertThat(LaunchMode.isCommandLine(new String[] {"--help"})).isTrue();
        assertThat(LaunchMode.isCommandLine(new String[] {"-h"})).isTrue();
        assertThat(LaunchMode.isCommandLine(new String[] {"help"})).isTrue();
        assertThat(LaunchMode.isCommandLine(new String[] {"--data-dir", "/tmp/x", "--help"})).isTrue();
        // An unknown word gets the command line's message rather than a window.
        assertThat(LaunchMode.isCommandLine(new String[] {"frobnicate"})).isTrue();
    }

    @Test
    void sandboxIsItsOwnMode() {
        assertThat(LaunchMode.isSandbox(new String[] {"sandbox", "--port", "0"})).isTrue();
        assertThat(LaunchMode.isSandbox(new String[] {"status"})).isFalse();
        assertThat(LaunchMode.isSandbox(new String[] {})).isFalse();
    }
}
