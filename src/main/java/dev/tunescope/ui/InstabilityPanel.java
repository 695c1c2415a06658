package dev.tunescope.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** lr*, the boundary verdict and the unstable trials; choosing a trial shows its first unstable step on the plot. */
final class InstabilityPanel extends VBox {

    InstabilityPanel(InstabilityPanelModel model, Consumer<InstabilityPanelModel.UnstableRow> showEvidence,
                     javafx.beans.property.ObjectProperty<dev.tunescope.diagnose.DiagnosisSettings> settings) {
        Label lrStar = new Label();
        lrStar.setId("lr-star");
        lrStar.textProperty().bind(model.lrStarProperty().map(v -> "lr* = " + v));
        lrStar.setTooltip(new Tooltip("lr*: the learning rate of the sweep's best trial (lowest eval loss)"));
        Label boundary = new Label();
        boundary.textProperty().bind(model.boundaryProperty());
        boundary.setWrapText(true);
        Label base = new Label();
        base.setId("unstable-base-lr");
        base.textProperty().bind(model.unstableBaseLrProperty().map(v -> "unstable_base_lr = " + v));
        base.setTooltip(new Tooltip("The smallest learning rate at which a trial was unstable"));
        ListView<InstabilityPanelModel.UnstableRow> list = new ListView<>(model.unstable());
        list.setId("unstable-list");
        list.setPrefHeight(140);
        list.setPlaceholder(new Label("No unstable trial"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(InstabilityPanelModel.UnstableRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.label());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                showEvidence.accept(row);
            }
        });
        getChildren().addAll(lrStar, boundary, base, new Label("Unstable trials (choose one to see where):"), list,
                threshold("Plateau: stuck more than x of what lr* learned above it", 0.05, 0.8,
                        settings.get().instability().plateauGap(), "plateau-gap", v -> settings.set(settings.get()
                                .withInstability(settings.get().instability().withPlateauGap(v)))),
                threshold("Spike: robust standard deviations above the trailing median", 3, 12, settings.get()
                        .instability().spikeZ(), "spike-z", v -> settings.set(settings.get().withInstability(
                        settings.get().instability().withSpikeZ(v)))));
        setSpacing(6);
        setPadding(new Insets(8));
    }

    /** A labelled slider that reports its value when the user lets go of it (each change re-diagnoses). */
    private static VBox threshold(String text, double min, double max, double value, String id,
                                  Consumer<Double> onChange) {
        javafx.scene.control.Slider slider = new javafx.scene.control.Slider(min, max, value);
        slider.setId(id);
        Label label = new Label();
        label.textProperty().bind(slider.valueProperty().map(v -> text.contains(" x ") ? text.replace(" x ",
                " " + dev.tunescope.diagnose.Text.percent(v.doubleValue()) + " ") : text + ": "
                + dev.tunescope.diagnose.Text.number(Math.round(v.doubleValue() * 10) / 10.0)));
        label.setWrapText(true);
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                onChange.accept(slider.getValue());
            }
        });
        slider.setOnKeyReleased(e -> onChange.accept(slider.getValue()));
        return new VBox(2, label, slider);
    }

}
