package com.coursedesk.ui.purchases;

import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.FxToolkitExtension;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.shell.UiAccountFixture;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.coursedesk.ui.shell.UiAccountFixture.ADA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase history of a learner signed in for the first time: the page opens over an empty
 * local copy, shows that there is nothing yet, and shows the whole history once the first sync
 * brings it, in rows the empty table made while it waited (never shown blank).
 */
@ExtendWith(ApplicationExtension.class)
class PurchasesViewFirstSyncTest {

    @TempDir
    Path dir;

    private UiAccountFixture fx;
    private AccountSession session;
    private FxTaskRunner tasks;
    private Stage stage;
    private PurchasesViewModel viewModel;
    private TableView<PurchaseRow> table;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws Exception {
        fx = UiAccountFixture.start(dir);
        session = fx.signInOnDemo(fx.signInService(), ADA);
        tasks = new FxTaskRunner(2, UiThread.fx());
        FxToolkit.setupFixture(() -> {
            viewModel = PurchasesPageFixture.show(stage, fx, session, tasks,
                    PurchasesPageFixture.firedWhenPassesEnd(session), dir.resolve("settings")).viewModel();
        });
        table = (TableView<PurchaseRow>) stage.getScene().lookup("#table");
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
        tasks.close();
        fx.close();
    }

    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<TableRow<?>> rowNodes() throws Exception {
        return FxToolkitExtension.onFxThread(() -> table.lookupAll(".table-row-cell").stream()
                .filter(TableRow.class::isInstance).<TableRow<?>>map(n -> (TableRow<?>) n).toList());
    }

    /** Drawn: the node and every node above it visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theEmptyTableMakesItsRowsWhileItWaitsAndShowsTheHistoryInThemOnceSynced(FxRobot robot) throws Exception {
        await("the empty history is known", () -> !viewModel.loadingProperty().get());
        assertThat(viewModel.shownRows()).isEmpty();
        // Enough rows to fill the table are made, one a frame, while nothing else happens.
        await("rows made ahead", () -> FxToolkitExtension.onFxThread(() -> {
            long rows = table.lookupAll(".table-row-cell").size();
            return rows * table.getFixedCellSize() > table.getHeight() - table.getFixedCellSize();
        }));
        List<TableRow<?>> madeAhead = rowNodes();
        // None is shown: the learner sees the empty table's message, not blank rows.
        assertThat(table.getItems()).isEmpty();
        assertThat(madeAhead).noneMatch(PurchasesViewFirstSyncTest::shown);
        Label placeholder = (Label) table.getPlaceholder();
        assertThat(shown(placeholder)).isTrue();
        assertThat(placeholder.getText()).isEqualTo(fx.messages().get("purchases.empty.none"));

        assertThat(session.sync().syncNow().get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        await("the history is shown", () -> !viewModel.shownRows().isEmpty() && !viewModel.loadingProperty().get());

        List<TableRow<?>> shown = FxToolkitExtension.onFxThread(() -> rowNodes().stream()
                .filter(r -> shown(r) && !r.isEmpty()).toList());
        assertThat(shown).isNotEmpty();
        Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(madeAhead);
        assertThat(shown).as("the rows made ahead, reused").allMatch(before::contains);
        // The first row shows the newest purchase.
        PurchaseRow first = viewModel.shownRows().get(0);
        String title = first.purchase().product().title();
        TableRow<?> top = shown.stream().filter(r -> r.getIndex() == 0).findFirst().orElseThrow();
        assertThat(FxToolkitExtension.onFxThread(() -> top.lookupAll(".table-cell").stream()
                .map(c -> ((TableCell<?, ?>) c).getText()).toList())).contains(title);
        assertThat(shown(placeholder)).as("the empty table's message").isFalse();
    }
}
