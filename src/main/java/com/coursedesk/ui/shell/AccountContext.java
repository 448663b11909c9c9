package com.coursedesk.ui.shell;

import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;

import java.time.Clock;

/**
 * What every screen of a signed-in account is built from: the account's session (store,
 * outbox, sync), the shared UI services, and the shell's hooks. Passed to each screen's
 * factory by the shell; screens take from it only what their view-model needs.
 *
 * @param changes   fired after each sync pass and each action, so screens reload
 * @param signOut   asks the shell to sign out (the Account screen's button)
 * @param settings  the learner's preferences (reminder lead time, language)
 */
public record AccountContext(AccountSession session, Messages messages, Formats formats, TaskRunner tasks,
                             UiThread ui, Clock clock, ThemeManager themes, DataChanges changes,
                             UserSettings settings, Runnable signOut) {
}
