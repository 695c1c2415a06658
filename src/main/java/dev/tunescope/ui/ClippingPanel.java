package dev.tunescope.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The clipping threshold as a percentile of the gradient norms, with the share of updates it clips, live. */
final class ClippingPanel extends VBox {

    ClippingPanel(ClippingPanelModel model) {
        Label run = new Label();
        run.textProperty().bind(model.runProperty().map(r -> r.isEmpty() ? "" : "Gradient norms of " + r));
        run.setWrapText(true);
        Slider slider = new Slider(1, 99.9, model.percentileProperty().get());
        slider.setId("clip-percentile");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(25);
        slider.valueProperty().bindBidirectional(model.percentileProperty());
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.commit();
            }
        });
        // a click on the track or a key moves the slider without a drag: those commit too
        slider.setOnKeyReleased(e -> model.commit());
        slider.setOnMouseReleased(e -> model.commit());
        slider.setTooltip(new Tooltip("Clip at this percentile of the observed gradient norms (the playbook's"
                + " default is the 90th: p90)"));
        Label readout = new Label();
        readout.setId("clip-readout");
        readout.textProperty().bind(model.readoutProperty());
        Label warning = new Label();
        warning.setId("clip-warning");
        warning.setWrapText(true);
        warning.setStyle("-fx-text-fill: #b03a2e;");
        warning.textProperty().bind(model.warningProperty());
        getChildren().addAll(run, new Label("Percentile"), slider, readout, warning);
        setSpacing(6);
        setPadding(new Insets(8));
    }
}
