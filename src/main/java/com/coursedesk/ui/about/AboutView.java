package com.coursedesk.ui.about;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

import java.util.Objects;

/** The About box's view: shows what its {@link AboutViewModel} says. */
public final class AboutView {

    private final AboutViewModel viewModel;

    @FXML
    private Label versionLabel;
    @FXML
    private Label runtimeLabel;

    public AboutView(AboutViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        versionLabel.setText(viewModel.versionText());
        runtimeLabel.setText(viewModel.runtimeText());
    }
}
