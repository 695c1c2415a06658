package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.WarmupAdvisor;
import dev.tunescope.run.ScalarSeries;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The warmup panel's state (RULES.md §2): the warmup the diagnosis recommends or proposes to study, a slider to
 * try others, the schedule it gives (linear ramp, then the base rate), and how it compares with the 5% and 10%
 * limits of max_train_steps (added warmup lengthens the schedule).
 */
public final class WarmupPanelModel {
    private final IntegerProperty warmupSteps = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(PendingText.of("Warmup"));
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ScalarSeries> schedule = new ReadOnlyObjectWrapper<>();
    private double baseLr = Double.NaN;
    private long maxTrainSteps;

    public WarmupPanelModel(ObjectProperty<Optional<Diagnosis>> diagnosis) {
        diagnosis.addListener((obs, old, now) -> show(now));
        warmupSteps.addListener((obs, old, now) -> recompute());
        show(diagnosis.get());
    }

    private void show(Optional<Diagnosis> diagnosis) {
        Optional<WarmupAdvisor.WarmupAdvice> advice = diagnosis.flatMap(Diagnosis::warmup);
        maxTrainSteps = diagnosis.map(Diagnosis::maxTrainSteps).orElse(0L);
        verdict.set(advice.flatMap(a -> a.findings().stream().findFirst()).map(f -> f.message())
                .orElse(diagnosis.isEmpty() ? PendingText.of("Warmup")
                        : "No warmup finding: no unstable trial and no warmup study."));
        baseLr = advice.flatMap(a -> a.recommendedLearningRate().isPresent()
                        ? Optional.of(a.recommendedLearningRate().getAsDouble()) : Optional.empty())
                .or(() -> advice.flatMap(a -> a.byLearningRate().stream().map(WarmupAdvisor.ByLearningRate::learningRate)
                        .max(Double::compare)))
                .or(() -> advice.flatMap(WarmupAdvisor.WarmupAdvice::plan).map(WarmupAdvisor.StudyPlan::baseLr))
                .orElse(Double.NaN);
        long initial = advice.flatMap(a -> a.recommendedWarmup().isPresent()
                        ? Optional.of(a.recommendedWarmup().getAsLong()) : Optional.empty())
                .or(() -> advice.flatMap(WarmupAdvisor.WarmupAdvice::plan).flatMap(p -> p.warmupSteps().stream()
                        .findFirst())).orElse(0L);
        warmupSteps.set((int) initial);
        recompute();
    }

    private void recompute() {
        long warmup = warmupSteps.get();
        if (maxTrainSteps <= 0 || !Double.isFinite(baseLr)) {
            readout.set("");
            schedule.set(null);
            return;
        }
        double share = (double) warmup / maxTrainSteps;
        String limit = share > 0.10 ? "over the 10% a warmup study goes up to"
                : share > 0.05 ? "over 5%: increase max_train_steps to at least " + (long) Math.ceil(warmup / 0.05)
                : "within 5%";
        readout.set("warmup " + warmup + " steps = " + Text.percent(share) + " of max_train_steps " + maxTrainSteps
                + " (" + limit + "); the schedule becomes " + (maxTrainSteps + warmup) + " steps at base lr "
                + Text.number(baseLr));
        long total = maxTrainSteps + warmup;
        long[] steps = new long[(int) Math.min(total, 20_000)];
        double[] values = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            long step = 1 + (long) ((double) i * (total - 1) / Math.max(1, steps.length - 1));
            steps[i] = step;
            values[i] = warmup > 0 && step <= warmup ? baseLr * step / warmup : baseLr;
        }
        schedule.set(ScalarSeries.of("learning rate", steps, values));
    }

    public IntegerProperty warmupStepsProperty() {
        return warmupSteps;
    }

    public long maxTrainSteps() {
        return maxTrainSteps;
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScalarSeries> scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }
}
