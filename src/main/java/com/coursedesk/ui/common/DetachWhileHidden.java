package com.coursedesk.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

import java.util.List;
import java.util.Objects;

/**
 * Keeps a node out of the scene graph while it is not visible, and puts it back in its place
 * among its siblings when it becomes visible. CSS and layout visit hidden nodes as well (they
 * are styled, skinned and laid out like shown ones), so a part that shows only now and then (a
 * spinner, a notice, the details of a selection) costs a page's first frame nothing until it
 * is shown. Bind or set {@link Node#visibleProperty()} as usual.
 *
 * <p>Its siblings' order is taken when the first node of a parent is kept out; children added to
 * the parent later come after the ones kept out when those return.
 */
public final class DetachWhileHidden {

    private static final String ORDER_KEY = DetachWhileHidden.class.getName() + ".order";

    private DetachWhileHidden() {
    }

    /**
     * From now on, {@code node} is in its parent only while visible.
     *
     * @throws IllegalArgumentException if the node's parent is not a {@link Pane}
     */
    public static void apply(Node node) {
        Objects.requireNonNull(node, "node");
        if (!(node.getParent() instanceof Pane parent)) {
            throw new IllegalArgumentException("The node's parent must be a Pane: " + node);
        }
        @SuppressWarnings("unchecked")
        List<Node> order = (List<Node>) parent.getProperties()
                .computeIfAbsent(ORDER_KEY, key -> List.copyOf(parent.getChildren()));
        node.visibleProperty().addListener((obs, was, visible) -> place(parent, order, node, visible));
        place(parent, order, node, node.isVisible());
    }

    private static void place(Pane parent, List<Node> order, Node node, boolean visible) {
        List<Node> children = parent.getChildren();
        if (!visible) {
            children.remove(node);
            return;
        }
        if (children.contains(node)) {
            return;
        }
        // After the siblings that came before it and are in the parent now.
        int at = 0;
        for (Node sibling : order) {
            if (sibling == node) {
                break;
            }
            if (sibling.getParent() == parent) {
                at++;
            }
        }
        children.add(Math.min(at, children.size()), node);
    }
}
