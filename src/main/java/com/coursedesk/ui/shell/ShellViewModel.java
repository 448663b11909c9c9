package com.coursedesk.ui.shell;

import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignedOutException;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import com.coursedesk.ui.common.UiThread;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The signed-in window's frame: which page is shown, and the status bar (sync state with
 * determinate progress, offline notice, actions waiting to be sent). Sync status arrives on the
 * sync thread and crosses to the UI thread through {@link UiThread}.
 */
public final class ShellViewModel {

    private final AccountSession session;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;
    private final UiThread ui;
    private final DataChanges changes;
    private final Consumer<SyncStatus> syncListener;
    private final Runnable pendingListener = this::refreshPending;

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.PURCHASES);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusStyle = new ReadOnlyStringWrapper("status-ok");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper signedOut = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper signInText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    public ShellViewModel(AccountSession session, Messages messages, Formats formats, TaskRunner tasks, UiThread ui,
                          DataChanges changes) {
        this.session = session;
        this.messages = messages;
        this.formats = formats;
        this.tasks = tasks;
        this.ui = ui;
        this.changes = changes;
        this.syncListener = status -> ui.execute(() -> show(status));
        signInText.set(messages.get("shell.signInAgain"));
        if (session.storeWasRecovered()) {
            notice.set(messages.get("shell.notice.recovered", String.valueOf(session.openResult().movedAsideTo())));
        }
    }

    /** How long after the account's page is first laid out its first sync pass starts. */
    static final Duration FIRST_PASS_AFTER = Duration.ofMillis(500);

    /** Starts listening: the sync state and what waits to be sent, shown from now on. */
    public void start() {
        session.sync().addListener(syncListener);
        // Any change (a pass ending, an action queued on a page) may change what waits to be sent.
        changes.subscribe(pendingListener);
        show(session.sync().status());
        refreshPending();
    }

    /**
     * Starts syncing: the first pass {@link #FIRST_PASS_AFTER} from now, then every 15 minutes
     * and when the server is back. The window calls it once the account's page has been laid
     * out: the local copy is on screen at once, and a full pass of a long history kept both
     * cores busy while the page appeared.
     */
    public void startSyncing() {
        session.sync().start(FIRST_PASS_AFTER);
    }

    public void syncNow() {
        session.sync().syncNow();
    }

    public void stop() {
        session.sync().removeListener(syncListener);
        changes.unsubscribe(pendingListener);
    }

    void show(SyncStatus status) {
        show(status, Instant.now());
    }

    /** As {@link #show(SyncStatus)}, {@code now} being when it is shown (a wait is told as "in about a minute"). */
    void show(SyncStatus status, Instant now) {
        boolean busy = status instanceof SyncStatus.Syncing;
        syncing.set(busy);
        signedOut.set(status instanceof SyncStatus.SignedOut);
        if (status instanceof SyncStatus.Syncing s) {
            progress.set(s.fraction());
            if (s.retryAt() != null) {
                // The provider asked CourseDesk to wait (429/503 with Retry-After): say so, or the
                // learner sees "Syncing…" stand still for a minute and thinks the app hangs.
                statusStyle.set("status-warning");
                statusText.set(messages.get("shell.status.providerBusy", formats.time(s.retryAt()),
                        formats.retryIn(s.retryAt(), now)));
                return;
            }
            statusStyle.set("status-ok");
            statusText.set(s.total() > 0 ? messages.get("shell.status.syncingCount", s.done(), s.total())
                    : messages.get("shell.status.syncing"));
            return;
        }
        progress.set(-1);
        if (status instanceof SyncStatus.Idle idle) {
            statusStyle.set("status-ok");
            statusText.set(idle.lastSyncedAt() == null ? messages.get("shell.status.neverSynced")
                    : messages.get("shell.status.upToDate", when(idle.lastSyncedAt())));
        } else if (status instanceof SyncStatus.Offline offline) {
            statusStyle.set("status-warning");
            if (offline.lastSyncedAt() != null) {
                statusText.set(messages.get("shell.status.offline", when(offline.lastSyncedAt())));
            } else {
                // A first sync cut short shows part of the history: not "nothing", not all.
                statusText.set(messages.get(offline.firstSyncUnfinished() ? "shell.status.offlinePartial"
                        : "shell.status.offlineNever"));
            }
        } else if (status instanceof SyncStatus.SignedOut out) {
            // Signed out by the learner: nothing went wrong, so no alarm; ended on them: it did.
            boolean ended = out.reason() == SignedOutException.Reason.SESSION_ENDED;
            statusStyle.set(ended ? "status-danger" : "status-warning");
            if (out.firstSyncUnfinished()) {
                // Part of the history only: its totals and exports leave the rest out.
                statusText.set(messages.get(ended ? "shell.status.sessionEndedPartial"
                        : "shell.status.signedOutPartial"));
            } else {
                statusText.set(messages.get(ended ? "shell.status.sessionEnded" : "shell.status.signedOut"));
            }
            signInText.set(messages.get(ended ? "shell.signInAgain" : "shell.signIn"));
        } else if (status instanceof SyncStatus.Failed failed) {
            statusStyle.set("status-danger");
            statusText.set(messages.get("shell.status.failed", messages.get(reasonKey(failed.reason()))));
        }
        changes.fire();
    }

    /** Literal keys, so the bundle test sees each one used and a new reason fails to compile here. */
    private static String reasonKey(SyncStatus.Reason reason) {
        return switch (reason) {
            case SERVER_ERROR -> "shell.status.reason.server_error";
            case BAD_RESPONSE -> "shell.status.reason.bad_response";
            case STORE_ERROR -> "shell.status.reason.store_error";
            case REFUSED -> "shell.status.reason.refused";
            case UNTRUSTED_CERTIFICATE -> "shell.status.reason.untrusted_certificate";
        };
    }

    private String when(Instant instant) {
        return formats.dateTime(instant);
    }

    private void refreshPending() {
        tasks.task(() -> session.actions().openCount()).name("pending-count")
                .onSuccess(count -> pendingText.set(count == 0 ? ""
                        : messages.get("shell.status.pending", count)))
                .start();
    }

    public String accountTitle() {
        return session.account().displayName() + " · " + session.account().email();
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusStyleProperty() {
        return statusStyle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    /** True while there is no session to sync with: the status bar offers to sign in. */
    public ReadOnlyBooleanProperty signedOutProperty() {
        return signedOut.getReadOnlyProperty();
    }

    /** The status bar's sign-in button: "Sign in" after signing out, "Sign in again" after an ended session. */
    public ReadOnlyStringProperty signInTextProperty() {
        return signInText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }
}
