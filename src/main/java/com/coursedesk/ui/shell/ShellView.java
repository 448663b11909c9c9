package com.coursedesk.ui.shell;

import com.coursedesk.ui.about.AboutView;
import com.coursedesk.ui.about.AboutViewModel;
import com.coursedesk.ui.common.DetachWhileHidden;
import com.coursedesk.ui.common.Dialogs;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.ViewLoader;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The signed-in window: navigation, the page area and the status bar. Pages are built on first
 * visit by the factories the composition root gives, and kept.
 */
public final class ShellView {

    private final ShellViewModel viewModel;
    private final Messages messages;
    private final Function<Screen, Parent> pages;
    private final Runnable signInAgain;
    private final Map<Screen, Parent> built = new EnumMap<>(Screen.class);
    private final ToggleGroup navigation = new ToggleGroup();
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();

    @FXML
    private ToggleButton purchasesNav;
    @FXML
    private ToggleButton subscriptionsNav;
    @FXML
    private ToggleButton upcomingNav;
    @FXML
    private ToggleButton accountNav;
    @FXML
    private Label accountLabel;
    @FXML
    private Button syncButton;
    @FXML
    private Button aboutButton;
    @FXML
    private StackPane content;
    @FXML
    private Label statusLabel;
    @FXML
    private ProgressBar syncProgress;
    @FXML
    private Label pendingLabel;
    @FXML
    private Button signInAgainButton;
    @FXML
    private HBox noticeBar;
    @FXML
    private Label noticeLabel;

    public ShellView(ShellViewModel viewModel, Messages messages, Function<Screen, Parent> pages,
                     Runnable signInAgain) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.pages = pages;
        this.signInAgain = signInAgain;
    }

    @FXML
    private void initialize() {
        Map<Screen, ToggleButton> buttons = Map.of(Screen.PURCHASES, purchasesNav,
                Screen.SUBSCRIPTIONS, subscriptionsNav, Screen.UPCOMING, upcomingNav, Screen.ACCOUNT, accountNav);
        buttons.forEach((screen, button) -> {
            button.setToggleGroup(navigation);
            button.setUserData(screen);
        });
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A page is always shown: clicking the selected button keeps it selected.
                old.setSelected(true);
            } else {
                viewModel.screenProperty().set((Screen) now.getUserData());
            }
        });
        viewModel.screenProperty().addListener((obs, old, screen) -> {
            buttons.get(screen).setSelected(true);
            showPage(screen);
        });
        buttons.get(viewModel.screenProperty().get()).setSelected(true);
        showPage(viewModel.screenProperty().get());

        accountLabel.setText(viewModel.accountTitle());
        syncButton.setAccessibleText(messages.get("shell.sync.accessible"));
        aboutButton.setAccessibleText(messages.get("shell.about.tooltip"));
        syncButton.disableProperty().bind(viewModel.syncingProperty());
        statusLabel.textProperty().bind(viewModel.statusTextProperty());
        viewModel.statusStyleProperty().addListener((obs, old, style) -> {
            statusLabel.getStyleClass().removeAll("status-ok", "status-warning", "status-danger");
            statusLabel.getStyleClass().add(style);
        });
        statusLabel.getStyleClass().add(viewModel.statusStyleProperty().get());
        syncProgress.progressProperty().bind(viewModel.progressProperty());
        syncProgress.visibleProperty().bind(viewModel.syncingProperty());
        syncProgress.managedProperty().bind(syncProgress.visibleProperty());
        pendingLabel.textProperty().bind(viewModel.pendingTextProperty());
        pendingLabel.visibleProperty().bind(pendingLabel.textProperty().isNotEmpty());
        signInAgainButton.textProperty().bind(viewModel.signInTextProperty());
        signInAgainButton.visibleProperty().bind(viewModel.signedOutProperty());
        signInAgainButton.managedProperty().bind(signInAgainButton.visibleProperty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        noticeBar.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        DetachWhileHidden.apply(noticeBar);

        Runnable sync = viewModel::syncNow;
        shortcuts.put(new KeyCodeCombination(KeyCode.F5), sync);
        shortcuts.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), sync);
        // Ctrl+F searches purchases from anywhere in the window: the page's own search field,
        // found by its style class, whichever control (or page) had the focus.
        shortcuts.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::findPurchases);
        for (Screen s : Screen.values()) {
            shortcuts.put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(s.ordinal() + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> viewModel.screenProperty().set(s));
        }
        content.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                // Leaving the window (sign out): F5 must not reach this closed account any more.
                shortcuts.forEach(old.getAccelerators()::remove);
            }
            if (scene != null) {
                scene.getAccelerators().putAll(shortcuts);
            }
        });
    }

    private void showPage(Screen screen) {
        Parent page = built.computeIfAbsent(screen, pages);
        content.getChildren().setAll(page);
        focusFirst(page);
    }

    /** Style class of the control a page wants focused when it is shown (its table, list or first action). */
    public static final String FOCUS_FIRST = "focus-first";

    /**
     * Moves the keyboard focus into the page just shown, to its {@link #FOCUS_FIRST} control, so
     * that Ctrl+1..4 (or a click on the navigation) leaves the learner in the page rather than on
     * the header. A page built on this visit takes it after the pulse that styles and lays it out:
     * until then its controls refuse the focus, and what sits inside a skin (a tab's table, a
     * scroll pane's cards) is not yet in the scene. The page shown while the window is built
     * keeps the window's own first focus.
     */
    private void focusFirst(Parent page) {
        if (focusInto(page) || content.getScene() == null) {
            return;
        }
        Scene scene = content.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                if (content.getChildren().contains(page)) {
                    focusInto(page);
                }
            }
        });
    }

    private static boolean focusInto(Parent page) {
        Node first = page.lookup("." + FOCUS_FIRST);
        if (first == null || first.getScene() == null) {
            return false;
        }
        first.requestFocus();
        return first.isFocused();
    }

    /** Style class of the field Ctrl+F focuses on the Purchases page. */
    public static final String FIND_FIELD = "find-field";

    private void findPurchases() {
        viewModel.screenProperty().set(Screen.PURCHASES);
        Parent page = built.get(Screen.PURCHASES);
        Node field = page == null ? null : page.lookup("." + FIND_FIELD);
        if (field != null) {
            field.requestFocus();
            if (field instanceof TextInputControl input) {
                input.selectAll();
            }
        }
    }

    /** Selected navigation entry, for tests. */
    Toggle selectedNavigation() {
        return navigation.getSelectedToggle();
    }

    @FXML
    private void syncNow() {
        viewModel.syncNow();
    }

    /** The About box: which version this is (from the jar manifest) and what it runs on. */
    @FXML
    private void showAbout() {
        AboutView view = new AboutView(AboutViewModel.forRunningApp(messages));
        Parent about = new ViewLoader(messages, type -> view).load(AboutView.class).root();
        Dialog<Void> dialog = Dialogs.create(content.getScene().getWindow(), messages.get("shell.about.title"), null);
        dialog.getDialogPane().setContent(about);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    @FXML
    private void signInAgain() {
        signInAgain.run();
    }

    @FXML
    private void dismissNotice() {
        viewModel.dismissNotice();
    }
}
