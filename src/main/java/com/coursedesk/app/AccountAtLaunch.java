package com.coursedesk.app;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.ui.shell.UserSettings;

import java.util.List;
import java.util.Optional;

/**
 * Which account the window opens at launch: the one that was open when CourseDesk last closed,
 * as a desktop client keeps its user signed in. Signing out, or leaving the account for the
 * sign-in screen, forgets it, so the next launch shows sign-in. The choice is the account's
 * credential key (server and account id, no secret) in the user's preferences.
 */
final class AccountAtLaunch {

    static final String SETTING = "launch.reopenAccount";

    private AccountAtLaunch() {
    }

    /**
     * The account to open at launch, if any: the remembered one while it still has a local
     * copy here, or, for the benchmark start-up ({@link BenchmarkProbe}), the known account with
     * that email instead.
     */
    static Optional<KnownAccount> choose(List<KnownAccount> known, UserSettings settings,
                                         Optional<String> benchmarkEmail) {
        if (benchmarkEmail.isPresent()) {
            return known.stream().filter(a -> a.email().equalsIgnoreCase(benchmarkEmail.get())).findFirst();
        }
        return settings.get(SETTING)
                .flatMap(key -> known.stream().filter(a -> a.credentialKey().equals(key)).findFirst());
    }

    /** The account now open is the one to reopen. Writes the preferences file: not on the FX thread. */
    static void remember(UserSettings settings, KnownAccount account) {
        if (!settings.get(SETTING).equals(Optional.of(account.credentialKey()))) {
            settings.put(SETTING, account.credentialKey());
        }
    }

    /** The next launch shows sign-in. Writes the preferences file: not on the FX thread. */
    static void forget(UserSettings settings) {
        if (settings.get(SETTING).isPresent()) {
            settings.put(SETTING, null);
        }
    }
}
