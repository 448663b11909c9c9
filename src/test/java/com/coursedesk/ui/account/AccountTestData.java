package com.coursedesk.ui.account;

import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.paperwork.PaperworkTestViews;
import com.coursedesk.ui.shell.UserSettings;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** The Account page's view on test data, for tests outside this package (FxmlLoadTest). */
public final class AccountTestData {

    private AccountTestData() {
    }

    /** A view over {@link FakeAccountOverview}; nothing is loaded or saved until it is used. */
    public static AccountView view(Messages messages) {
        ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
                new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()), stylesheet -> { });
        UserSettings settings = new UserSettings(Path.of(System.getProperty("java.io.tmpdir"),
                "coursedesk-account-view-test", "preferences.properties"));
        AccountViewModel viewModel = new AccountViewModel(new FakeAccountOverview(), messages,
                new Formats(Locale.UK, ZoneId.of("Europe/London"), messages), new ImmediateTaskRunner(), themes,
                settings, () -> { });
        return new AccountView(viewModel, messages, PaperworkTestViews.viewModel(messages));
    }
}
