package dev.tunescope.ui;

import dev.tunescope.diagnose.Text;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The smoothing weight as a slider and a field showing its value, where a weight can also be typed (a slider alone
 * did not say which weight was in force, nor let one reproduce TensorBoard's 0.6).
 */
final class SmoothingControl {
    private SmoothingControl() {
    }

    static HBox of(DoubleProperty weight) {
        Slider slider = new Slider(0, 0.99, weight.get());
        slider.setId("smoothing");
        slider.setPrefWidth(140);
        slider.setTooltip(new Tooltip("EMA smoothing (TensorBoard-style); the raw curve stays faintly behind"));
        slider.valueProperty().bindBidirectional(weight);
        TextField field = new TextField(Text.number(weight.get()));
        field.setId("smoothing-value");
        field.setPrefColumnCount(4);
        field.setTooltip(new Tooltip("EMA weight in [0, 1): type a value and press Enter"));
        weight.addListener((obs, old, now) -> field.setText(Text.number(Math.round(now.doubleValue() * 1000) / 1000.0)));
        Runnable commit = () -> {
            try {
                double typed = Double.parseDouble(field.getText().trim());
                weight.set(Math.max(0, Math.min(0.99, typed)));
            } catch (NumberFormatException e) {
                // not a number: show the weight in force again
            }
            field.setText(Text.number(Math.round(weight.get() * 1000) / 1000.0));
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        HBox box = new HBox(4, slider, field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
