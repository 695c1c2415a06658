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

    InstabilityPanel(InstabilityPanelModel model, Consumer<InstabilityPanelModel.UnstableRow> showEvidence) {
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
        getChildren().addAll(lrStar, boundary, base, new Label("Unstable trials (choose one to see where):"), list);
        setSpacing(6);
        setPadding(new Insets(8));
    }
}
