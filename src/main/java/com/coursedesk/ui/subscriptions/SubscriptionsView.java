package com.coursedesk.ui.subscriptions;

import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.paperwork.PaperworkDialogs;
import com.coursedesk.ui.paperwork.PaperworkViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Manage subscriptions page: draws the view-model's cards and opens the confirmations. A
 * VBox of cards rather than a virtualised list: a learner has a handful of subscriptions, and
 * buttons inside recycled cells lose keyboard focus whenever the list refreshes.
 */
public final class SubscriptionsView {

    private final SubscriptionsViewModel viewModel;
    private final Messages messages;
    private final PaperworkViewModel paperwork;

    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox cardsBox;
    @FXML
    private Label messageLabel;
    @FXML
    private Label emptyLabel;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label paperworkLabel;

    public SubscriptionsView(SubscriptionsViewModel viewModel, Messages messages, PaperworkViewModel paperwork) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.paperwork = Objects.requireNonNull(paperwork, "paperwork");
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        viewModel.messageStyleProperty().addListener((obs, old, style) -> {
            messageLabel.getStyleClass().removeAll("status-danger", "status-ok", "status-warning");
            if (style != null && !style.isEmpty()) {
                messageLabel.getStyleClass().add(style);
            }
        });
        PaperworkDialogs.bindStatus(paperworkLabel, paperwork);
        emptyLabel.visibleProperty().bind(viewModel.emptyProperty());
        // Only the first load shows the spinner; a reload keeps the cards in view.
        busyIndicator.visibleProperty().bind(viewModel.loadingProperty().and(viewModel.emptyProperty().not())
                .and(Bindings.isEmpty(viewModel.items())));
        viewModel.items().addListener((ListChangeListener<SubscriptionItem>) change -> redraw());
        redraw();
        // While an action is sent the provider's buttons are disabled: the first card's next one leads.
        viewModel.workingProperty().addListener((obs, was, working) -> markFocusFirst());
        // A ScrollPane does not follow keyboard focus: bring the focused button's card into view.
        cardsBox.sceneProperty().addListener((obs, oldScene, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, focused) -> scrollIntoView(focused));
            }
        });
    }

    private void scrollIntoView(Node focused) {
        Node card = null;
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n.getParent() == cardsBox) {
                card = n;
                break;
            }
        }
        if (card == null) {
            return;
        }
        double content = cardsBox.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (content <= viewport) {
            return;
        }
        double top = card.getBoundsInParent().getMinY();
        double bottom = card.getBoundsInParent().getMaxY();
        double shownTop = scroll.getVvalue() * (content - viewport);
        if (top < shownTop) {
            scroll.setVvalue(top / (content - viewport));
        } else if (bottom > shownTop + viewport) {
            scroll.setVvalue(Math.min(1, (bottom - viewport) / (content - viewport)));
        }
    }

    private void redraw() {
        SubscriptionCardNode.Actions actions = new SubscriptionCardNode.Actions(
                this::askCancel, this::askPause, this::askRestart, viewModel::forgetReminder, this::showPriceHistory);
        SubscriptionCardNode.Texts texts = new SubscriptionCardNode.Texts(
                messages.get("subscriptions.button.cancel"), messages.get("subscriptions.button.pause"),
                messages.get("subscriptions.button.forgetReminder"), messages.get("paperwork.ui.priceHistory.button"),
                title -> messages.get("paperwork.ui.priceHistory.accessible", title));
        // Keep keyboard focus on the same card's button across a redraw.
        String focusedId = focusedCardId();
        String focusedNode = focusedNodeId();
        List<Node> cards = new ArrayList<>();
        for (SubscriptionItem item : viewModel.items()) {
            cards.add(SubscriptionCardNode.build(item, actions, texts, viewModel.workingProperty()));
        }
        cardsBox.getChildren().setAll(cards);
        if (focusedId != null && focusedNode != null) {
            // By user data, not a CSS selector: the provider's ids need not be valid CSS.
            cardsBox.getChildren().stream().filter(card -> focusedId.equals(card.getUserData())).findFirst()
                    .map(card -> card.lookup("#" + focusedNode))
                    .ifPresent(Node::requestFocus);
        }
        markFocusFirst();
    }

    /** Style class of the node the shell focuses when it shows the page (ShellView.FOCUS_FIRST). */
    private static final String FOCUS_FIRST = "focus-first";

    /**
     * Marks what Ctrl+2 focuses: the first card's first enabled action (its provider actions, then
     * Price history), or the list itself while there is no card. When the cards arrive while the
     * empty list has the focus (a first visit, before the first load), the focus moves on to them.
     */
    private void markFocusFirst() {
        Node target = firstAction();
        boolean onEmptyList = scroll.getScene() != null && scroll.getScene().getFocusOwner() == scroll;
        scroll.getStyleClass().remove(FOCUS_FIRST);
        cardsBox.lookupAll("." + FOCUS_FIRST).forEach(n -> n.getStyleClass().remove(FOCUS_FIRST));
        if (target == null) {
            scroll.getStyleClass().add(FOCUS_FIRST);
            return;
        }
        target.getStyleClass().add(FOCUS_FIRST);
        if (onEmptyList) {
            target.requestFocus();
        }
    }

    private Node firstAction() {
        if (cardsBox.getChildren().isEmpty()) {
            return null;
        }
        Node card = cardsBox.getChildren().get(0);
        List<Node> actions = new ArrayList<>();
        Node buttons = card.lookup("#actionButtons");
        if (buttons instanceof Parent row) {
            actions.addAll(row.getChildrenUnmodifiable());
        }
        Node history = card.lookup("#priceHistoryButton");
        if (history != null) {
            actions.add(history);
        }
        return actions.stream().filter(n -> !n.isDisabled()).findFirst().orElse(null);
    }

    private String focusedCardId() {
        Node node = focusedNodeInCards();
        while (node != null && node != cardsBox) {
            if (node.getParent() == cardsBox && node.getUserData() instanceof String id) {
                return id;
            }
            node = node.getParent();
        }
        return null;
    }

    private String focusedNodeId() {
        Node node = focusedNodeInCards();
        return node == null ? null : node.getId();
    }

    private Node focusedNodeInCards() {
        if (cardsBox.getScene() == null) {
            return null;
        }
        Node owner = cardsBox.getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == cardsBox) {
                return owner;
            }
        }
        return null;
    }

    private Window window() {
        return cardsBox.getScene() == null ? null : cardsBox.getScene().getWindow();
    }

    private void askCancel(String id) {
        SubscriptionDialogs.cancel(window(), viewModel.cancelPrompt(id))
                .ifPresent(choice -> viewModel.cancel(id, choice.reason(), choice.comment()));
    }

    private void askRestart(String id) {
        if (SubscriptionDialogs.restart(window(), viewModel.restartPrompt(id))) {
            viewModel.restart(id);
        }
    }

    /** Reads what the subscription has cost, then shows it in a dialog. */
    private void showPriceHistory(String id) {
        paperwork.loadPriceHistory(id, model -> PaperworkDialogs.priceHistory(window(), model, messages));
    }

    private void askPause(String id) {
        Locale locale = messages.locale();
        SubscriptionDialogs.pause(window(), viewModel.pausePrompt(id), locale)
                .ifPresent(date -> viewModel.pause(id, date));
    }
}
