package com.coursedesk.ui.subscriptions;

import com.coursedesk.domain.CancelReason;
import com.coursedesk.ui.common.Dialogs;
import com.coursedesk.ui.common.TabLeavesTextArea;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The confirmations of the subscription actions. Each says what will happen before anything is
 * queued; its confirm button names the action, and the safe choice (keep, not now) is the default
 * button, so Enter never cancels or charges by accident.
 */
final class SubscriptionDialogs {

    private static final double TEXT_WIDTH = 460;

    /** The learner's choices in the cancel dialog. */
    record CancelChoice(CancelReason reason, String comment) {
    }

    private SubscriptionDialogs() {
    }

    static Optional<CancelChoice> cancel(Window owner, CancelPrompt prompt) {
        Dialog<ButtonType> dialog = Dialogs.create(owner, prompt.title(), prompt.heading());
        Label terms = body(prompt.body());

        Label reasonLabel = new Label(prompt.reasonLabel());
        ComboBox<CancelPrompt.ReasonChoice> reasons = new ComboBox<>();
        reasons.setId("reasonBox");
        reasons.getItems().setAll(prompt.reasons());
        reasons.getSelectionModel().selectFirst();
        reasons.setMaxWidth(Double.MAX_VALUE);
        reasonLabel.setLabelFor(reasons);

        Label commentLabel = new Label(prompt.commentLabel());
        commentLabel.setWrapText(true);
        TextArea comment = new TextArea();
        comment.setId("commentArea");
        comment.setWrapText(true);
        comment.setPrefRowCount(3);
        TabLeavesTextArea.install(comment);
        int max = prompt.maxCommentLength();
        comment.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= max ? change : null));
        commentLabel.setLabelFor(comment);

        VBox content = new VBox(8, terms, reasonLabel, reasons, commentLabel, comment);
        dialog.getDialogPane().setContent(content);
        ButtonType confirm = buttons(dialog, prompt.confirm(), prompt.keep());
        return dialog.showAndWait().filter(confirm::equals).map(pressed -> {
            CancelPrompt.ReasonChoice choice = reasons.getValue();
            String text = comment.getText() == null || comment.getText().isBlank() ? null : comment.getText();
            return new CancelChoice(choice == null ? null : choice.reason(), text);
        });
    }

    static boolean restart(Window owner, RestartPrompt prompt) {
        Dialog<ButtonType> dialog = Dialogs.create(owner, prompt.title(), prompt.heading());
        dialog.getDialogPane().setContent(body(prompt.body()));
        ButtonType confirm = buttons(dialog, prompt.confirm(), prompt.dismiss());
        if (!prompt.charges()) {
            // Undoing a cancellation costs nothing: Enter may confirm it.
            defaultButton(dialog, confirm);
        }
        return dialog.showAndWait().filter(confirm::equals).isPresent();
    }

    static Optional<LocalDate> pause(Window owner, PausePrompt prompt, Locale locale) {
        Dialog<ButtonType> dialog = Dialogs.create(owner, prompt.title(), prompt.heading());
        Label terms = body(prompt.body());
        Label dateLabel = new Label(prompt.dateLabel());
        DatePicker date = new DatePicker(prompt.defaultDate());
        date.setId("reminderDatePicker");
        date.setConverter(converter(locale));
        date.setDayCellFactory(picker -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item.isBefore(prompt.earliestDate()));
            }
        });
        dateLabel.setLabelFor(date);
        dialog.getDialogPane().setContent(new VBox(8, terms, dateLabel, date));
        ButtonType confirm = buttons(dialog, prompt.confirm(), prompt.keep());
        Node confirmButton = dialog.getDialogPane().lookupButton(confirm);
        confirmButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> date.getValue() == null || date.getValue().isBefore(prompt.earliestDate()),
                date.valueProperty()));
        return dialog.showAndWait().filter(confirm::equals).map(pressed -> date.getValue());
    }

    private static Label body(String text) {
        Label label = new Label(text);
        label.setId("termsLabel");
        label.setWrapText(true);
        label.setPrefWidth(TEXT_WIDTH);
        // As wide as the dialog's widest line (the cancel dialog's comment label), so the terms
        // do not wrap short of the fields below them.
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Adds the confirm and the safe button (the default one); returns the confirm type. */
    private static ButtonType buttons(Dialog<ButtonType> dialog, String confirmText, String safeText) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        ButtonType safe = new ButtonType(safeText, ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, safe);
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setId("confirmButton");
        Button safeButton = (Button) dialog.getDialogPane().lookupButton(safe);
        safeButton.setId("keepButton");
        defaultButton(dialog, safe);
        return confirm;
    }

    private static void defaultButton(Dialog<ButtonType> dialog, ButtonType type) {
        for (ButtonType each : dialog.getDialogPane().getButtonTypes()) {
            ((Button) dialog.getDialogPane().lookupButton(each)).setDefaultButton(each == type);
        }
    }

    /** Dates typed and shown the way the learner's locale writes them, not the machine's. */
    private static StringConverter<LocalDate> converter(Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate value) {
                return value == null ? "" : format.format(value);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), format);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        };
    }
}
