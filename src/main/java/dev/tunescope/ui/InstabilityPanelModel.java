package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.TrialStability;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The instability panel's state: lr*, where it sits in the sweep, and each unstable trial with its first step. */
public final class InstabilityPanelModel {

    /** One unstable trial as the panel lists it. */
    public record UnstableRow(String run, double learningRate, long firstStep, String kind) {
        public String label() {
            return "lr " + Text.number(learningRate) + ": " + kind + " from step " + firstStep;
        }
    }

    private final ReadOnlyStringWrapper lrStar = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper boundary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unstableBaseLr = new ReadOnlyStringWrapper("-");
    private final ObservableList<UnstableRow> unstable = FXCollections.observableArrayList();

    public InstabilityPanelModel(ObjectProperty<Optional<Diagnosis>> diagnosis) {
        diagnosis.addListener((obs, old, now) -> show(now));
        show(diagnosis.get());
    }

    private void show(Optional<Diagnosis> diagnosis) {
        Optional<LrStarRule.LrStar> star = diagnosis.flatMap(Diagnosis::lrStar);
        lrStar.set(star.map(s -> Text.number(s.value())).orElse("-"));
        boundary.set(star.map(s -> switch (s.boundary()) {
            case INTERIOR -> "inside the searched range";
            case LOWEST -> "the smallest rate tried: extend the sweep downward";
            case HIGHEST -> "the largest rate tried: extend the sweep upward";
            case SINGLE_LEARNING_RATE -> "only one rate was tried";
        }).orElse(""));
        unstable.setAll(diagnosis.flatMap(Diagnosis::instability).map(r -> r.unstable().stream()
                .map(InstabilityPanelModel::row).toList()).orElse(java.util.List.of()));
        unstableBaseLr.set(diagnosis.flatMap(Diagnosis::instability).flatMap(r -> r.unstableBaseLr().isPresent()
                ? Optional.of(Text.number(r.unstableBaseLr().getAsDouble())) : Optional.empty()).orElse("-"));
    }

    private static UnstableRow row(TrialStability t) {
        return new UnstableRow(t.run(), t.learningRate(), t.firstUnstableStep().orElse(0),
                t.mainSign().map(s -> s.kind().phrase()).orElse(""));
    }

    public ReadOnlyStringProperty lrStarProperty() {
        return lrStar.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boundaryProperty() {
        return boundary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unstableBaseLrProperty() {
        return unstableBaseLr.getReadOnlyProperty();
    }

    public ObservableList<UnstableRow> unstable() {
        return unstable;
    }
}
