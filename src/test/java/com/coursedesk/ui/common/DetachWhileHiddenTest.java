package com.coursedesk.ui.common;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A part kept out of the scene while hidden comes back in its own place. */
class DetachWhileHiddenTest {

    private static Region named(String id) {
        Region region = new Region();
        region.setId(id);
        return region;
    }

    @Test
    void aHiddenNodeLeavesItsParentAndComesBackInItsPlace() {
        Region first = named("first");
        Region spinner = named("spinner");
        Region last = named("last");
        HBox row = new HBox(first, spinner, last);
        spinner.setVisible(false);

        DetachWhileHidden.apply(spinner);
        assertThat(row.getChildren()).containsExactly(first, last);
        assertThat(spinner.getParent()).isNull();

        spinner.setVisible(true);
        assertThat(row.getChildren()).containsExactly(first, spinner, last);

        spinner.setVisible(false);
        assertThat(row.getChildren()).containsExactly(first, last);
    }

    @Test
    void siblingsKeptOutTogetherReturnInTheirOrderWhateverOrderTheyComeBackIn() {
        Region a = named("a");
        Region b = named("b");
        Region c = named("c");
        Region d = named("d");
        HBox row = new HBox(a, b, c, d);
        b.setVisible(false);
        c.setVisible(false);
        DetachWhileHidden.apply(b);
        DetachWhileHidden.apply(c);
        assertThat(row.getChildren()).containsExactly(a, d);

        c.setVisible(true);
        assertThat(row.getChildren()).containsExactly(a, c, d);
        b.setVisible(true);
        assertThat(row.getChildren()).containsExactly(a, b, c, d);
    }

    @Test
    void aVisibleNodeStaysAndABoundVisibilityIsFollowed() {
        Region shown = named("shown");
        HBox row = new HBox(shown);
        SimpleBooleanProperty wanted = new SimpleBooleanProperty(true);
        shown.visibleProperty().bind(wanted);

        DetachWhileHidden.apply(shown);
        assertThat(row.getChildren()).containsExactly(shown);

        wanted.set(false);
        assertThat(row.getChildren()).isEmpty();
        wanted.set(true);
        assertThat(row.getChildren()).containsExactly(shown);
    }

    @Test
    void aNodeOutsideAPaneIsRefused() {
        Node alone = named("alone");
        assertThatThrownBy(() -> DetachWhileHidden.apply(alone)).isInstanceOf(IllegalArgumentException.class);
    }
}
