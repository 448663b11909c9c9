package com.coursedesk.ui.subscriptions;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Draws one {@link SubscriptionItem} as a card: title and partner, plan and channel, the status
 * lines, and only the buttons the item offers (none for a store subscription). Node ids
 * ({@code #statusLine}, {@code #cancelButton}, …) are stable for tests and accessibility tools.
 */
final class SubscriptionCardNode {

    /** What the card's buttons do, each given the subscription's id. */
    record Actions(Consumer<String> cancel, Consumer<String> pause, Consumer<String> restart,
                   Consumer<String> forgetReminder, Consumer<String> priceHistory) {
    }

    /**
     * The words of the buttons every card shares.
     *
     * @param priceHistoryAccessible a pattern taking the title: "Price history of {0}"
     */
    record Texts(String cancel, String pause, String forgetReminder, String priceHistory,
                 Function<String, String> priceHistoryAccessible) {
    }

    private SubscriptionCardNode() {
    }

    static VBox build(SubscriptionItem item, Actions actions, Texts texts, ObservableBooleanValue working) {
        VBox card = new VBox();
        card.getStyleClass().add("card");
        card.setId("card-" + item.id());
        card.setUserData(item.id());

        Label title = new Label(item.title());
        title.setId("titleLabel");
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        Label partner = new Label(item.partner());
        partner.setId("partnerLabel");
        partner.getStyleClass().add("muted");
        partner.setWrapText(true);
        VBox names = new VBox(2, title, partner);
        HBox.setHgrow(names, Priority.ALWAYS);

        Label plan = new Label(item.plan());
        plan.setId("planLabel");
        plan.getStyleClass().add("money");
        Label channel = new Label(item.channel());
        channel.setId("channelLabel");
        channel.getStyleClass().add("muted");
        VBox planBox = new VBox(2, plan, channel);
        planBox.setAlignment(Pos.TOP_RIGHT);
        planBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(12, names, planBox);
        card.getChildren().add(header);

        card.getChildren().add(line("statusLine", item.status(), item.statusStyle(), null));
        if (item.detail() != null) {
            card.getChildren().add(line("detailLine", item.detail(), item.detailStyle(), null));
        }
        if (item.action() != null) {
            card.getChildren().add(line("actionLine", item.action(), item.actionStyle(), null));
        }
        if (item.warning() != null) {
            card.getChildren().add(line("warningLine", item.warning(), "status-warning", "mdal-error_outline"));
        }
        if (item.deadlines() != null) {
            card.getChildren().add(line("deadlinesLine", item.deadlines(), "muted", "mdmz-restore"));
        }
        if (item.reminder() != null) {
            Label reminder = line("reminderLine", item.reminder(), item.reminderDue() ? "status-warning" : "accent",
                    "mdal-alarm");
            Hyperlink forget = new Hyperlink(texts.forgetReminder());
            forget.setId("forgetReminderLink");
            forget.setOnAction(e -> actions.forgetReminder().accept(item.id()));
            HBox row = new HBox(8, reminder, forget);
            row.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(row);
        }

        HBox buttons = new HBox(8);
        buttons.setId("actionButtons");
        if (item.canCancel()) {
            buttons.getChildren().add(button("cancelButton", texts.cancel(), item.id(), actions.cancel(),
                    working));
        }
        if (item.canPause()) {
            buttons.getChildren().add(button("pauseButton", texts.pause(), item.id(), actions.pause(),
                    working));
        }
        if (item.canRestart()) {
            Button restart = button("restartButton", item.restartLabel(), item.id(), actions.restart(), working);
            restart.getStyleClass().add("accent");
            buttons.getChildren().add(restart);
        }
        // The provider's actions on the left (none for a store subscription); what it has cost, for every card.
        Button history = new Button(texts.priceHistory(), new FontIcon("mdmz-show_chart"));
        history.setId("priceHistoryButton");
        history.getStyleClass().add("flat");
        history.setMnemonicParsing(false);
        history.setAccessibleText(texts.priceHistoryAccessible().apply(item.title()));
        history.setOnAction(e -> actions.priceHistory().accept(item.id()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8);
        footer.setAlignment(Pos.CENTER_LEFT);
        if (!buttons.getChildren().isEmpty()) {
            footer.getChildren().add(buttons);
        }
        footer.getChildren().addAll(spacer, history);
        card.getChildren().add(footer);
        card.setAccessibleText(item.title() + ", " + item.status());
        return card;
    }

    private static Label line(String id, String text, String style, String icon) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null && !style.isEmpty()) {
            label.getStyleClass().add(style);
        }
        if (icon != null) {
            FontIcon glyph = new FontIcon(icon);
            if (style != null && !style.isEmpty()) {
                glyph.getStyleClass().add(style);
            }
            label.setGraphic(glyph);
        }
        return label;
    }

    private static Button button(String id, String text, String subscriptionId, Consumer<String> action,
                                 ObservableBooleanValue working) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.accept(subscriptionId));
        button.disableProperty().bind(working);
        button.setMnemonicParsing(false);
        return button;
    }
}
