package com.coursedesk.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.skin.ChoiceBoxSkin;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * A choice box as wide as its longest choice, found by measuring the choices as text in the
 * box's own font. JavaFX's skin asks its menu for its width instead, which styles and lays out
 * the whole menu (a context menu with an item per choice) while the page is first laid out:
 * 40-90 ms of the first frame for the Purchases page's four filters. The menu is styled when
 * it first opens instead.
 */
public final class TextSizedChoiceBoxSkin<T> extends ChoiceBoxSkin<T> {

    // Room beyond a choice's measured width: sub-pixel rounding of the measure and the label's
    // snapping must never turn a choice into "Professional Certif…".
    private static final double SLACK = 2;

    private final Text measure = new Text();

    public TextSizedChoiceBoxSkin(ChoiceBox<T> box) {
        super(box);
    }

    /** Gives {@code box} this skin; call before the box is first styled. */
    public static <T> void install(ChoiceBox<T> box) {
        box.setSkin(new TextSizedChoiceBoxSkin<>(box));
    }

    @Override
    protected double computePrefWidth(double height, double topInset, double rightInset, double bottomInset,
                                      double leftInset) {
        Label label = child(Label.class);
        Node arrow = arrowButton();
        if (label == null || arrow == null) {
            return super.computePrefWidth(height, topInset, rightInset, bottomInset, leftInset);
        }
        measure.setFont(label.getFont());
        double widest = textWidth(label.getText());
        StringConverter<T> converter = getSkinnable().getConverter();
        for (T item : getSkinnable().getItems()) {
            String text = converter != null ? converter.toString(item) : item == null ? "" : item.toString();
            widest = Math.max(widest, textWidth(text));
        }
        double labelWidth = label.snappedLeftInset() + widest + SLACK + label.snappedRightInset();
        // The arrow is drawn over the label's right end (themes give its button no width of its
        // own), so room for it is kept beside the text: two of the font's ems.
        double arrowRoom = Math.max(arrow.prefWidth(-1), 2 * label.getFont().getSize());
        return snapSizeX(leftInset + labelWidth + arrowRoom + rightInset);
    }

    @Override
    protected double computeMinWidth(double height, double topInset, double rightInset, double bottomInset,
                                     double leftInset) {
        // As wide as its choices: a filter row wraps rather than cutting a choice short.
        return computePrefWidth(height, topInset, rightInset, bottomInset, leftInset);
    }

    private double textWidth(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        measure.setText(text);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    private <N extends Node> N child(Class<N> type) {
        for (Node child : getChildren()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
        }
        return null;
    }

    /** The skin's other child: the open button with its arrow. */
    private Node arrowButton() {
        for (Node child : getChildren()) {
            if (!(child instanceof Label)) {
                return child;
            }
        }
        return null;
    }
}
