package com.coursedesk.ui.login;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.ui.common.Hint;
import com.coursedesk.ui.common.Messages;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The sign-in screen: binds the controls to its {@link LoginViewModel}. */
public final class LoginView {

    private final LoginViewModel viewModel;
    private final Messages messages;
    private final Timeline countdown;

    @FXML
    private RadioButton demoChoice;
    @FXML
    private RadioButton providerChoice;
    @FXML
    private TextField serverUrlField;
    @FXML
    private Label serverUrlProblem;
    @FXML
    private TextField emailField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Button signInButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label busyLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private VBox knownBox;
    @FXML
    private Separator knownSeparator;
    @FXML
    private ListView<KnownAccount> knownList;
    @FXML
    private Button openButton;
    @FXML
    private VBox demoBox;
    @FXML
    private ListView<DemoCredentials> demoList;

    public LoginView(LoginViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        countdown.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        demoChoice.setSelected(viewModel.serverKindProperty().get() == LoginViewModel.ServerKind.DEMO);
        providerChoice.setSelected(!demoChoice.isSelected());
        demoChoice.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                viewModel.serverKindProperty().set(LoginViewModel.ServerKind.DEMO);
            }
        });
        providerChoice.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                viewModel.serverKindProperty().set(LoginViewModel.ServerKind.PROVIDER);
                serverUrlField.requestFocus();
            }
        });
        viewModel.serverKindProperty().addListener((obs, was, kind) -> {
            demoChoice.setSelected(kind == LoginViewModel.ServerKind.DEMO);
            providerChoice.setSelected(kind == LoginViewModel.ServerKind.PROVIDER);
        });
        serverUrlField.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        serverUrlField.disableProperty().bind(providerChoice.selectedProperty().not());
        serverUrlField.managedProperty().bind(providerChoice.selectedProperty());
        serverUrlField.visibleProperty().bind(providerChoice.selectedProperty());
        serverUrlProblem.textProperty().bind(viewModel.serverUrlProblemProperty());
        bindShownWhenText(serverUrlProblem);

        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        signInButton.disableProperty().bind(viewModel.canSignInProperty().not());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyLabel.visibleProperty().bind(viewModel.busyProperty());
        busyLabel.textProperty().bind(viewModel.busyTextProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        bindShownWhenText(errorLabel);
        emailField.disableProperty().bind(viewModel.busyProperty());
        passwordField.disableProperty().bind(viewModel.busyProperty());

        viewModel.rateLimitedProperty().addListener((obs, was, limited) -> {
            if (limited) {
                countdown.play();
            } else {
                countdown.stop();
            }
        });

        knownList.setItems(viewModel.knownAccounts());
        knownList.setCellFactory(list -> new ListCell<>() {
            {
                fitToList(this);
            }

            @Override
            protected void updateItem(KnownAccount item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.displayName() + " — " + item.email() + "\n"
                        + viewModel.serverText(item) + " · " + viewModel.lastSyncedText(item));
            }
        });
        knownList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        knownList.setAccessibleText(messages.get("login.known.title"));
        openButton.disableProperty().bind(knownList.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        knownBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.knownAccounts()));
        knownBox.managedProperty().bind(knownBox.visibleProperty());
        // Between the two lists only: with "My course provider" chosen the demo list is hidden,
        // and a line under "On this computer" would separate it from nothing.
        knownSeparator.visibleProperty().bind(knownBox.visibleProperty().and(demoChoice.selectedProperty()));
        knownSeparator.managedProperty().bind(knownSeparator.visibleProperty());

        demoList.setItems(viewModel.demoAccounts());
        demoList.setCellFactory(list -> new ListCell<>() {
            {
                fitToList(this);
            }

            @Override
            protected void updateItem(DemoCredentials item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : messages.get("login.demo.entry", item.displayName(), item.email(), item.password()));
            }
        });
        demoList.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                viewModel.useDemoAccount(chosen);
            }
        });
        // A click on the entry already selected fills it in again (after the fields were edited).
        demoList.setOnMouseClicked(e -> {
            DemoCredentials chosen = demoList.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && chosen != null) {
                viewModel.useDemoAccount(chosen);
            }
        });
        demoList.setAccessibleText(messages.get("login.demo.title"));
        demoBox.visibleProperty().bind(demoChoice.selectedProperty());
        demoBox.managedProperty().bind(demoBox.visibleProperty());

        viewModel.loadKnownAccounts();
    }

    /**
     * The cell as wide as its list, a line too long for it cut short and shown whole on hover:
     * an entry's second line (the server and when it last synced) had run past the list's edge
     * behind a sideways scroll bar.
     */
    private static void fitToList(ListCell<?> cell) {
        cell.setPrefWidth(0);
        Hint.showWholeText(cell);
    }

    private static void bindShownWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }

    @FXML
    private void openSelected() {
        KnownAccount chosen = knownList.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            viewModel.open(chosen);
        }
    }

    /** Stops the countdown when the screen goes away. */
    public void dispose() {
        countdown.stop();
    }
}
