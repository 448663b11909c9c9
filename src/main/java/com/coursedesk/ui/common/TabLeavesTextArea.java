package com.coursedesk.ui.common;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab and Shift+Tab move the focus out of a text area, as in every other field, instead of
 * typing a tab character: otherwise a learner using the keyboard alone cannot get from the
 * refund reason (or a cancellation comment) to the dialog's buttons. Text areas turn Ctrl+Tab
 * into a focus move themselves, so Tab is handed on as Ctrl+Tab.
 */
public final class TabLeavesTextArea {

    private TabLeavesTextArea() {
    }

    public static void install(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.TAB || event.isControlDown() || event.isAltDown()
                    || event.isMetaDown() || event.isShortcutDown()) {
                return;
            }
            event.consume();
            area.fireEvent(new KeyEvent(event.getSource(), event.getTarget(), KeyEvent.KEY_PRESSED,
                    event.getCharacter(), event.getText(), KeyCode.TAB, event.isShiftDown(), true, false, false));
        });
    }
}
