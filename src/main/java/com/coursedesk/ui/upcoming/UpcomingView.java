package com.coursedesk.ui.upcoming;

import com.coursedesk.ui.common.Hint;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.paperwork.PaperworkDialogs;
import com.coursedesk.ui.paperwork.PaperworkViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The Upcoming page: the reminders due now at the top (each with "Got it"), the lead-time
 * spinner, and every coming event in a virtualised list, each labelled with its date and how far
 * away it is; and the button that saves them all as a calendar file.
 */
public final class UpcomingView {

    private final UpcomingViewModel viewModel;
    private final Messages messages;
    private final PaperworkViewModel paperwork;

    @FXML
    private Label leadDaysLabel;
    @FXML
    private Spinner<Integer> leadDaysSpinner;
    @FXML
    private VBox remindersBox;
    @FXML
    private Label remindersTitle;
    @FXML
    private VBox remindersList;
    @FXML
    private ListView<UpcomingItem> eventsList;
    @FXML
    private Label emptyLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Button calendarButton;
    @FXML
    private Label calendarStatusLabel;

    public UpcomingView(UpcomingViewModel viewModel, Messages messages, PaperworkViewModel paperwork) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.paperwork = Objects.requireNonNull(paperwork, "paperwork");
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory days =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(0, UpcomingViewModel.MAX_LEAD_DAYS,
                        viewModel.leadDaysProperty().get());
        leadDaysSpinner.setValueFactory(days);
        leadDaysSpinner.setEditable(true);
        leadDaysLabel.setLabelFor(leadDaysSpinner);
        leadDaysSpinner.setAccessibleText(leadDaysLabel.getText());
        viewModel.leadDaysProperty().addListener((obs, old, value) -> days.setValue(value.intValue()));
        days.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                viewModel.setLeadDays(value);
            }
        });

        remindersTitle.textProperty().bind(viewModel.remindersTitleProperty());
        remindersBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.reminders()));
        remindersBox.managedProperty().bind(remindersBox.visibleProperty());
        viewModel.reminders().addListener((ListChangeListener<UpcomingItem>) change -> drawReminders());
        drawReminders();

        eventsList.setItems(viewModel.events());
        eventsList.setCellFactory(list -> new EventCell());
        eventsList.visibleProperty().bind(viewModel.emptyProperty().not());
        emptyLabel.visibleProperty().bind(viewModel.emptyProperty());
        emptyLabel.managedProperty().bind(emptyLabel.visibleProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        calendarButton.disableProperty().bind(paperwork.busyProperty());
        Hint.setText(calendarButton, messages.get("paperwork.ui.calendar.tooltip"));
        PaperworkDialogs.bindStatus(calendarStatusLabel, paperwork);
    }

    /** Asks where to save the calendar file, then has it written in the background. */
    @FXML
    private void saveCalendar() {
        PaperworkDialogs.saveFile(PaperworkDialogs.windowOf(calendarButton),
                messages.get("paperwork.ui.calendar.dialogTitle"), paperwork.calendarFileName(),
                messages.get("paperwork.ui.calendarFiles"), "*.ics")
                .ifPresent(paperwork::saveCalendar);
    }

    private void drawReminders() {
        remindersList.getChildren().clear();
        for (UpcomingItem item : viewModel.reminders()) {
            Label text = new Label(messages.get("upcoming.reminders.line", item.what(), item.title(), item.relative(),
                    item.date()));
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            if (!item.kindStyle().isEmpty()) {
                text.getStyleClass().add(item.kindStyle());
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Label amount = new Label(item.amount() == null ? "" : item.amount());
            amount.getStyleClass().add("money");
            amount.setMinWidth(Region.USE_PREF_SIZE);
            Button gotIt = new Button(messages.get("upcoming.reminders.gotIt"));
            gotIt.setId("gotIt-" + item.id().replaceAll("[^A-Za-z0-9_-]", "_"));
            gotIt.getStyleClass().add("got-it");
            gotIt.setUserData(item.id());
            gotIt.setMinWidth(Region.USE_PREF_SIZE);
            gotIt.setAccessibleText(messages.get("upcoming.reminders.gotItAccessible", item.title()));
            gotIt.setOnAction(e -> viewModel.dismiss(item.id()));
            HBox row = new HBox(12, new FontIcon("mdal-alarm"), text, amount, gotIt);
            row.getStyleClass().add("reminder-row");
            row.setAlignment(Pos.CENTER_LEFT);
            remindersList.getChildren().add(row);
        }
    }

    /** One event: its day and distance, what happens to which product, and the amount. */
    private static final class EventCell extends ListCell<UpcomingItem> {

        private final Label date = new Label();
        private final Label relative = new Label();
        private final Label what = new Label();
        private final Label title = new Label();
        private final Label amount = new Label();
        private final HBox row;

        EventCell() {
            date.getStyleClass().add("event-date");
            relative.getStyleClass().add("muted");
            title.getStyleClass().add("muted");
            title.setWrapText(false);
            amount.getStyleClass().addAll("money", "event-amount");
            amount.setMinWidth(Region.USE_PREF_SIZE);
            VBox when = new VBox(2, date, relative);
            when.setMinWidth(150);
            when.setPrefWidth(150);
            VBox body = new VBox(2, what, title);
            body.setMinWidth(0);
            HBox.setHgrow(body, Priority.ALWAYS);
            row = new HBox(16, when, body, amount);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(UpcomingItem item, boolean empty) {
            super.updateItem(item, empty);
            what.getStyleClass().removeAll("status-warning", "status-danger", "accent");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            date.setText(item.date());
            relative.setText(item.relative());
            what.setText(item.what());
            if (!item.kindStyle().isEmpty()) {
                what.getStyleClass().add(item.kindStyle());
            }
            title.setText(item.title());
            amount.setText(item.amount() == null ? "" : item.amount());
            setText(null);
            setGraphic(row);
            setAccessibleText(String.join(", ", item.date(), item.relative(), item.what(), item.title(),
                    item.amount() == null ? "" : item.amount()));
        }
    }
}
