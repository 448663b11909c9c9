package com.coursedesk.ui.upcoming;

import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.paperwork.PaperworkTestViews;
import com.coursedesk.ui.shell.UserSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Views of the Upcoming page for tests that only load it. */
public final class UpcomingTestViews {

    private UpcomingTestViews() {
    }

    /** The page's controller over no events; its preferences file is never written (nothing changes). */
    public static UpcomingView emptyView(Messages messages) {
        Formats formats = new Formats(Locale.UK, ZoneId.of("Europe/London"), messages);
        UserSettings settings = new UserSettings(Path.of("target", "no-such-dir", "preferences.properties"));
        return new UpcomingView(new UpcomingViewModel((now, zone) -> List.of(), settings, messages, formats,
                new ImmediateTaskRunner(), Clock.systemUTC()), messages, PaperworkTestViews.viewModel(messages));
    }
}
