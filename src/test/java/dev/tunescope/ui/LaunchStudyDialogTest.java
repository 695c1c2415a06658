package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.study.StudyKind;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The launch dialog as a person uses it: numbers written as numbers, kinds by name, typed digits, Esc. */
@ExtendWith(ApplicationExtension.class)
class LaunchStudyDialogTest {
    private LaunchStudyModel model;
    private LaunchStudyDialog dialog;

    @Start
    void start(Stage owner) {
        // the owner gets a scene before it is shown: a shown stage without one can stall Monocle's first pulse
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        owner.show();
        model = new LaunchStudyModel(Background.direct());
        model.lrMinProperty().set(3.16e-3 / 30);
        dialog = new LaunchStudyDialog(owner, model, () -> { });
        dialog.show();
    }

    @Test
    void theLearningRateIsWrittenAsANumberAndTheKindsByTheirTitles(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TextField lrMin = robot.from(dialog.stage().getScene().getRoot()).lookup(".text-field")
                .match(n -> n instanceof TextField t && t.getText().startsWith("0.000")).queryAs(TextField.class);
        assertThat(lrMin.getText()).isEqualTo("0.0001053");
        @SuppressWarnings("unchecked")
        ComboBox<StudyKind> kind = robot.from(dialog.stage().getScene().getRoot()).lookup(".combo-box")
                .match(n -> ((ComboBox<?>) n).getItems().contains(StudyKind.WARMUP)).queryAs(ComboBox.class);
        assertThat(kind.getConverter().toString(StudyKind.LR_SWEEP)).isEqualTo("Learning-rate sweep");
        var shown = (javafx.scene.control.ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) kind.getSkin())
                .getDisplayNode();
        assertThat(shown.getText()).isEqualTo("Learning-rate sweep");
    }

    @Test
    void typedDigitsCountWithoutEnter(FxRobot robot) {
        Spinner<?> count = robot.from(dialog.stage().getScene().getRoot()).lookup("#trial-count").queryAs(Spinner.class);
        robot.interact(() -> count.getEditor().setText("12"));
        assertThat(model.countProperty().get()).isEqualTo(12);
        robot.interact(() -> count.getEditor().setText("1x"));
        assertThat(model.countProperty().get()).isEqualTo(12);
    }

    @Test
    void escapeClosesTheDialog(FxRobot robot) {
        assertThat(dialog.stage().isShowing()).isTrue();
        robot.interact(() -> dialog.stage().requestFocus());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.stage().isShowing()).isFalse();
    }
}
