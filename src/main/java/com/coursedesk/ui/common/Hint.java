package com.coursedesk.ui.common;

import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.Objects;

/**
 * A node's tooltip, made the first time the pointer moves over the node instead of when its
 * page is built. A tooltip is a popup window with a behaviour of its own: the nine of the
 * first page cost its first frame about 10 ms of the UI thread, for tips that show only when
 * pointed at. On the first move, not on entering: a node that appears under a resting pointer is
 * "entered" too, and a tooltip only starts to show after the pointer moves. Until then the text
 * is the node's accessible help, which a screen reader would otherwise take from the tooltip.
 *
 * <p>In FXML, as a static property: {@code <Button Hint.text="%key"/>} with
 * {@code <?import com.coursedesk.ui.common.Hint?>}.
 */
public final class Hint {

    private static final String STATE_KEY = Hint.class.getName();

    private Hint() {
    }

    /** What the node's tooltip says; it follows later calls, made or not. */
    public static void setText(Node node, String text) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(text, "text");
        State state = (State) node.getProperties().get(STATE_KEY);
        if (state == null) {
            state = new State(node);
            node.getProperties().put(STATE_KEY, state);
            node.addEventHandler(MouseEvent.MOUSE_MOVED, state);
        }
        state.text = text;
        node.setAccessibleHelp(text);
        if (state.tooltip != null) {
            state.tooltip.setText(text);
        }
    }

    /**
     * A tooltip with the whole of {@code labeled}'s own text, for a label or a table cell that a
     * narrow column may cut short ("Introduction to Psy…"). Made on the pointer's first move, as
     * {@link #setText}'s; it follows the text (a table reuses its cells for other rows) and is
     * gone while the text is empty. No accessible help: the text itself is what is read aloud.
     */
    public static void showWholeText(Labeled labeled) {
        Objects.requireNonNull(labeled, "labeled");
        labeled.addEventHandler(MouseEvent.MOUSE_MOVED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                if (labeled.getText() == null || labeled.getText().isEmpty()) {
                    return;
                }
                labeled.removeEventHandler(MouseEvent.MOUSE_MOVED, this);
                Tooltip whole = new Tooltip();
                whole.textProperty().bind(labeled.textProperty());
                labeled.tooltipProperty().bind(Bindings.when(labeled.textProperty().isEmpty())
                        .then((Tooltip) null).otherwise(whole));
            }
        });
    }

    /** The text given to {@link #setText}, or null. */
    public static String getText(Node node) {
        return node.getProperties().get(STATE_KEY) instanceof State state ? state.text : null;
    }

    private static final class State implements EventHandler<MouseEvent> {

        private final Node node;
        private String text;
        private Tooltip tooltip;

        private State(Node node) {
            this.node = node;
        }

        @Override
        public void handle(MouseEvent event) {
            node.removeEventHandler(MouseEvent.MOUSE_MOVED, this);
            tooltip = new Tooltip(text);
            if (node instanceof Control control) {
                control.setTooltip(tooltip);
            } else {
                Tooltip.install(node, tooltip);
            }
        }
    }
}
