package com.coursedesk.ui.purchases;

import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.TaskRunner;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.shell.DataChanges;
import com.coursedesk.ui.shell.UiAccountFixture;
import com.coursedesk.ui.shell.UserSettings;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The Purchases page in a real window for the screen's tests, built as the shell builds it. */
final class PurchasesPageFixture {

    private PurchasesPageFixture() {
    }

    /**
     * Builds the page over {@code session} in the light theme, in a 1024×700 scene on
     * {@code stage}, and shows it. Call on the FX thread.
     */
    static PurchasesScreen.Built show(Stage stage, UiAccountFixture fx, AccountSession session, TaskRunner tasks,
                                      DataChanges changes, Path settingsDir) {
        ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
                new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()));
        themes.apply(ThemeChoice.LIGHT);
        AccountContext ctx = new AccountContext(session, fx.messages(), fx.formats(), tasks, UiThread.fx(),
                Clock.systemUTC(), themes, changes, new UserSettings(settingsDir.resolve("preferences.properties")),
                () -> { });
        PurchasesScreen.Built built = PurchasesScreen.build(ctx);
        Scene scene = new Scene(built.root(), 1024, 700);
        themes.style(scene);
        stage.setScene(scene);
        stage.show();
        return built;
    }

    /** Changes told to the screens, as the shell tells them: whenever a sync pass ends. */
    static DataChanges firedWhenPassesEnd(AccountSession session) {
        DataChanges changes = new DataChanges(UiThread.fx());
        session.sync().addListener(status -> {
            if (!(status instanceof SyncStatus.Syncing)) {
                changes.fire();
            }
        });
        return changes;
    }
}
