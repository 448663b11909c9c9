package com.coursedesk.ui.purchases;

import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.ui.FxToolkitExtension;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.shell.DataChanges;
import com.coursedesk.ui.shell.UiAccountFixture;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.coursedesk.ui.shell.UiAccountFixture.ADA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loading spinner in a real window: a read that is quick never shows it (it would flash,
 * and while it spins every frame is drawn), one still running after a moment does, until it
 * ends. Reads are held and released by the test ({@link ManualTaskRunner}).
 */
@ExtendWith(ApplicationExtension.class)
class PurchasesViewSpinnerTest {

    @TempDir
    Path dir;

    private UiAccountFixture fx;
    private final ManualTaskRunner tasks = new ManualTaskRunner();
    private Stage stage;
    private PurchasesViewModel viewModel;
    private Pane slot;
    private volatile boolean everShown;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void setUp() {
        fx = UiAccountFixture.start(dir);
    }

    /** Builds and shows the page; {@code then} runs on the FX thread right after, in the same turn. */
    private void showPage(Runnable then) throws Exception {
        AccountSession session = fx.signInOnDemo(fx.signInService(), ADA);
        ServiceFixture.syncNow(session);
        FxToolkit.setupFixture(() -> {
            viewModel = PurchasesPageFixture.show(stage, fx, session, tasks, new DataChanges(UiThread.fx()),
                    dir.resolve("settings")).viewModel();
            // The spinner is in the page only while it shows (it is kept out of the scene while hidden).
            slot = (Pane) stage.getScene().lookup("#loadingSlot");
            slot.getChildren().addListener((ListChangeListener<Node>) change -> {
                if (showsSpinner()) {
                    everShown = true;
                }
            });
            then.run();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
        fx.close();
    }

    /** Lets every held read run, and what they start in turn, until the page stops loading. */
    private void finishReads() throws Exception {
        for (int round = 0; round < 20 && FxToolkitExtension.onFxThread(() -> viewModel.loadingProperty().get());
             round++) {
            FxToolkit.setupFixture(tasks::runAll);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(FxToolkitExtension.onFxThread(() -> viewModel.loadingProperty().get())).isFalse();
    }

    private boolean spinnerShown() throws Exception {
        return FxToolkitExtension.onFxThread(this::showsSpinner);
    }

    private boolean showsSpinner() {
        return slot.getChildren().stream().anyMatch(n -> n instanceof ProgressIndicator && n.isVisible());
    }

    @Test
    void aQuickReadNeverShowsTheSpinner() throws Exception {
        showPage(tasks::runAll);
        finishReads();

        Thread.sleep((long) PurchasesView.SPINNER_AFTER.toMillis() * 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(everShown).isFalse();
        TableView<?> table = (TableView<?>) stage.getScene().lookup("#table");
        assertThat(FxToolkitExtension.onFxThread(() -> table.getItems().size())).isPositive();
    }

    @Test
    void aSlowReadShowsTheSpinnerAfterAMomentUntilItEnds() throws Exception {
        long shownAt = System.nanoTime();
        showPage(() -> { });
        assertThat(FxToolkitExtension.onFxThread(() -> viewModel.loadingProperty().get())).isTrue();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::spinnerShown);
        assertThat((System.nanoTime() - shownAt) / 1_000_000).isGreaterThanOrEqualTo(
                (long) PurchasesView.SPINNER_AFTER.toMillis());

        finishReads();
        assertThat(spinnerShown()).isFalse();
    }
}
