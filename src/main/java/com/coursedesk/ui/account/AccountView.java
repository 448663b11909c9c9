package com.coursedesk.ui.account;

import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.ui.common.Hint;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TablePlaceholder;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.paperwork.PaperworkDialogs;
import com.coursedesk.ui.paperwork.PaperworkViewModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.util.StringConverter;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Account page's view: binds to its {@link AccountViewModel}, asks before signing out,
 * puts an action's details on the clipboard and saves its proof as a PDF.
 */
public final class AccountView {

    private static final List<String> STATE_STYLES = List.of("pending", "status-ok", "status-warning", "status-danger");

    private final AccountViewModel viewModel;
    private final Messages messages;
    private final PaperworkViewModel paperwork;

    @FXML
    private ScrollPane root;
    @FXML
    private Label profileStatusLabel;
    @FXML
    private Label displayNameLabel;
    @FXML
    private Label emailLabel;
    @FXML
    private Label accountIdLabel;
    @FXML
    private Label serverLabel;
    @FXML
    private Label countryLabel;
    @FXML
    private Label currencyLabel;
    @FXML
    private Label localeLabel;
    @FXML
    private Label themeCaption;
    @FXML
    private ComboBox<ThemeChoice> themeBox;
    @FXML
    private Label languageCaption;
    @FXML
    private ComboBox<LanguageOption> languageBox;
    @FXML
    private Label languageNoteLabel;
    @FXML
    private Button signOutButton;
    @FXML
    private Label recoveredLabel;
    @FXML
    private Label localErrorLabel;
    @FXML
    private Label storeFileCaption;
    @FXML
    private TextField storeFileField;
    @FXML
    private Label storeSizeLabel;
    @FXML
    private Label lastSyncLabel;
    @FXML
    private Label credentialLabel;
    @FXML
    private Label historySummaryLabel;
    @FXML
    private TableView<ActionRow> historyTable;
    @FXML
    private TableColumn<ActionRow, String> askedColumn;
    @FXML
    private TableColumn<ActionRow, String> whatColumn;
    @FXML
    private TableColumn<ActionRow, ActionRow> stateColumn;
    @FXML
    private TableColumn<ActionRow, String> answerColumn;
    @FXML
    private TableColumn<ActionRow, String> serverTimeColumn;
    @FXML
    private TableColumn<ActionRow, String> keyColumn;
    @FXML
    private TextArea detailsArea;
    @FXML
    private Button copyDetailsButton;
    @FXML
    private Button copyKeyButton;
    @FXML
    private Label copiedLabel;
    @FXML
    private Button saveProofButton;
    @FXML
    private Label proofStatusLabel;

    public AccountView(AccountViewModel viewModel, Messages messages, PaperworkViewModel paperwork) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.paperwork = Objects.requireNonNull(paperwork, "paperwork");
    }

    @FXML
    private void initialize() {
        bindProfile();
        bindPreferences();
        bindData();
        bindHistory();
    }

    private void bindProfile() {
        profileStatusLabel.textProperty().bind(viewModel.profileStatusProperty());
        viewModel.profileStatusStyleProperty().addListener((obs, old, style) -> restyle(profileStatusLabel, style));
        restyle(profileStatusLabel, viewModel.profileStatusStyleProperty().get());
        displayNameLabel.textProperty().bind(viewModel.displayNameProperty());
        emailLabel.textProperty().bind(viewModel.emailProperty());
        accountIdLabel.textProperty().bind(viewModel.accountIdProperty());
        serverLabel.textProperty().bind(viewModel.serverProperty());
        countryLabel.textProperty().bind(viewModel.countryProperty());
        currencyLabel.textProperty().bind(viewModel.currencyProperty());
        localeLabel.textProperty().bind(viewModel.localeProperty());
    }

    private void bindPreferences() {
        themeCaption.setLabelFor(themeBox);
        themeBox.getItems().setAll(viewModel.themeChoices());
        themeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeChoice choice) {
                return viewModel.themeLabel(choice);
            }

            @Override
            public ThemeChoice fromString(String text) {
                return null;
            }
        });
        themeBox.valueProperty().bindBidirectional(viewModel.themeProperty());
        themeBox.setAccessibleText(messages.get("account.theme.label"));

        languageCaption.setLabelFor(languageBox);
        languageBox.setItems(viewModel.languages());
        languageBox.valueProperty().bindBidirectional(viewModel.languageProperty());
        languageBox.setAccessibleText(messages.get("account.language.label"));
        showWhenNotEmpty(languageNoteLabel, viewModel.languageNoteProperty().get());
        languageNoteLabel.textProperty().bind(viewModel.languageNoteProperty());
        languageNoteLabel.textProperty().addListener((obs, old, text) -> showWhenNotEmpty(languageNoteLabel, text));
    }

    private void bindData() {
        recoveredLabel.textProperty().bind(viewModel.recoveredNoticeProperty());
        recoveredLabel.textProperty().addListener((obs, old, text) -> showWhenNotEmpty(recoveredLabel, text));
        showWhenNotEmpty(recoveredLabel, recoveredLabel.getText());
        localErrorLabel.textProperty().bind(viewModel.localErrorProperty());
        localErrorLabel.textProperty().addListener((obs, old, text) -> showWhenNotEmpty(localErrorLabel, text));
        showWhenNotEmpty(localErrorLabel, localErrorLabel.getText());
        storeFileCaption.setLabelFor(storeFileField);
        storeFileField.textProperty().bind(viewModel.storeFileProperty());
        storeFileField.setAccessibleText(messages.get("account.data.file"));
        storeSizeLabel.textProperty().bind(viewModel.storeSizeProperty());
        lastSyncLabel.textProperty().bind(viewModel.lastSyncProperty());
        credentialLabel.textProperty().bind(viewModel.credentialTextProperty());
        viewModel.credentialFallbackProperty().addListener((obs, old, fallback) ->
                restyle(credentialLabel, fallback ? "status-warning" : null));
    }

    private void bindHistory() {
        historySummaryLabel.textProperty().bind(viewModel.historySummaryProperty());
        historySummaryLabel.visibleProperty().bind(viewModel.historySummaryProperty().isNotEmpty());
        historySummaryLabel.managedProperty().bind(historySummaryLabel.visibleProperty());
        historyTable.setItems(viewModel.history());
        // Columns keep readable widths; the key, last, scrolls into view (and is in the details).
        historyTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        historyTable.setPlaceholder(TablePlaceholder.of(messages.get("account.history.placeholder")));
        column(askedColumn, ActionRow::askedAt);
        column(whatColumn, ActionRow::what);
        column(answerColumn, ActionRow::answer);
        column(serverTimeColumn, ActionRow::serverTime);
        column(keyColumn, ActionRow::key);
        stateColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        stateColumn.setComparator(Comparator.comparing(ActionRow::state));
        stateColumn.setCellFactory(col -> new StateCell());
        whatColumn.setCellFactory(col -> new TooltipCell());
        answerColumn.setCellFactory(col -> new TooltipCell());

        // The table's selection and the view-model's follow each other; a reload keeps the row.
        historyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                viewModel.selectedActionProperty().set(row));
        viewModel.selectedActionProperty().addListener((obs, old, row) -> selectInTable(row));
        viewModel.history().addListener((ListChangeListener<ActionRow>) change ->
                selectInTable(viewModel.selectedActionProperty().get()));

        detailsArea.textProperty().bind(viewModel.selectedDetailsProperty());
        detailsArea.setAccessibleText(messages.get("account.history.details.accessible"));
        copyDetailsButton.disableProperty().bind(viewModel.selectedActionProperty().isNull());
        copyKeyButton.disableProperty().bind(viewModel.selectedActionProperty().isNull());
        Hint.setText(copyDetailsButton, messages.get("account.history.copyDetails.tooltip"));
        Hint.setText(copyKeyButton, messages.get("account.history.copyKey.tooltip"));
        viewModel.selectedActionProperty().addListener((obs, old, row) -> copiedLabel.setText(""));
        saveProofButton.disableProperty().bind(viewModel.selectedActionProperty().isNull()
                .or(paperwork.busyProperty()));
        Hint.setText(saveProofButton, messages.get("paperwork.ui.proof.tooltip"));
        PaperworkDialogs.bindStatus(proofStatusLabel, paperwork);

        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        historyTable.setOnKeyPressed(event -> {
            if (copy.match(event) && viewModel.selectedActionProperty().get() != null) {
                copyDetails();
                event.consume();
            }
        });
    }

    private void selectInTable(ActionRow row) {
        if (row == null) {
            historyTable.getSelectionModel().clearSelection();
        } else if (historyTable.getSelectionModel().getSelectedItem() != row) {
            historyTable.getSelectionModel().select(row);
        }
    }

    private static void column(TableColumn<ActionRow, String> column, Function<ActionRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private static void restyle(Label label, String style) {
        label.getStyleClass().removeAll(STATE_STYLES);
        label.getStyleClass().remove("muted");
        if (style != null && !style.isBlank()) {
            label.getStyleClass().add(style);
        }
    }

    private static void showWhenNotEmpty(Label label, String text) {
        boolean show = text != null && !text.isEmpty();
        label.setVisible(show);
        label.setManaged(show);
    }

    @FXML
    private void copyDetails() {
        ActionRow row = viewModel.selectedActionProperty().get();
        if (row != null) {
            putOnClipboard(row.details());
            copiedLabel.setText(messages.get("account.history.copied"));
        }
    }

    @FXML
    private void copyKey() {
        ActionRow row = viewModel.selectedActionProperty().get();
        if (row != null) {
            putOnClipboard(row.key());
            copiedLabel.setText(messages.get("account.history.keyCopied"));
        }
    }

    /** Asks where to save the chosen action's proof, then has it written in the background. */
    @FXML
    private void saveProof() {
        ActionRow row = viewModel.selectedActionProperty().get();
        if (row == null) {
            return;
        }
        PaperworkDialogs.saveFile(root.getScene() == null ? null : root.getScene().getWindow(),
                messages.get("paperwork.ui.proof.dialogTitle"), paperwork.proofFileName(row.id()),
                messages.get("paperwork.ui.pdfFiles"), "*.pdf")
                .ifPresent(file -> paperwork.saveProof(row.id(), file));
    }

    private static void putOnClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Says what happens to the local copy, and signs out only on an explicit yes. */
    @FXML
    private void signOut() {
        ButtonType confirm = new ButtonType(messages.get("account.signOut.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("account.signOut.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, viewModel.signOutQuestion(), confirm, keep);
        alert.setTitle(messages.get("account.signOut.title"));
        alert.setHeaderText(viewModel.signOutHeader());
        alert.getDialogPane().setMinWidth(480);
        alert.getDialogPane().getStylesheets().add(ThemeManager.appStylesheet());
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        // Enter must not sign out by accident: the safe button is the default.
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == confirm) {
            viewModel.signOut();
        }
    }

    /** The state in its colour: waiting, done, or said no. */
    private static final class StateCell extends TableCell<ActionRow, ActionRow> {
        @Override
        protected void updateItem(ActionRow row, boolean empty) {
            super.updateItem(row, empty);
            String wanted = empty || row == null ? null : row.stateStyle();
            // Touch the style classes only when they change: each change restyles the cell.
            getStyleClass().removeIf(style -> STATE_STYLES.contains(style) && !style.equals(wanted));
            if (wanted != null && !getStyleClass().contains(wanted)) {
                getStyleClass().add(wanted);
            }
            setText(wanted == null ? null : row.state());
        }
    }

    /** Long titles and answers are cut in the cell; the tooltip shows them whole. */
    private static final class TooltipCell extends TableCell<ActionRow, String> {

        TooltipCell() {
            Hint.showWholeText(this);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }
}
