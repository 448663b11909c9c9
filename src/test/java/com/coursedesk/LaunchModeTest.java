package com.coursedesk;

import com.coursedesk.cli.Cli;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Main's choice between window, command line and sandbox, made without loading either. */
class LaunchModeTest {

    private static final List<String[]> ARGUMENTS = List.of(new String[] {}, new String[] {"status"},
            new String[] {"cli", "status"}, new String[] {"--data-dir", "/tmp/x", "sync"},
            new String[] {"--data-dir=/tmp/x", "purchases"}, new String[] {"--help"}, new String[] {"-h"},
            new String[] {"help"}, new String[] {"frobnicate"}, new String[] {"--data-dir", "/tmp/x"},
            new String[] {"--data-dir"}, new String[] {"--data-dir=/tmp/x"}, new String[] {"--some-javafx-flag"},
            new String[] {"--data-dir", "/tmp/x", "--help"}, new String[] {"sandbox", "--port", "0"});

    @Test
    void theWindowStartsWithoutArgumentsOrWithAnOptionFirst() {
        assertThat(LaunchMode.isCommandLine(new String[] {})).isFalse();
        assertThat(LaunchMode.isCommandLine(new String[] {"--data-dir", "/tmp/x"})).isFalse();
        assertThat(LaunchMode.isCommandLine(new String[] {"--some-javafx-flag"})).isFalse();
        assertThat(LaunchMode.isCommandLine(new String[] {"status"})).isTrue();
        assertThat(LaunchMode.isSandbox(new String[] {"sandbox", "--port", "0"})).isTrue();
        assertThat(LaunchMode.isSandbox(new String[] {"status"})).isFalse();
        assertThat(LaunchMode.isSandbox(new String[] {})).isFalse();
    }

    @Test
    void itChoosesTheCommandLineExactlyWhenTheCommandLineSaysSo() {
        for (String[] args : ARGUMENTS) {
            assertThat(LaunchMode.isCommandLine(args)).as(String.join(" ", args)).isEqualTo(Cli.isCommandLine(args));
        }
    }
}
