package dev.tunescope.ui;

import dev.tunescope.diagnose.ClippingAdvice;
import dev.tunescope.diagnose.ClippingAdvisor;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.Percentiles;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.Trial;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The clipping panel's state: the percentile slider, and the threshold and share of clipped updates it gives on
 * the clipping run's gradient norms, recomputed as the slider moves (RULES.md §3; the warning past 50%).
 */
public final class ClippingPanelModel {
    /** Before a diagnosis there is nothing to say yet: not that nothing was logged. */
    static final String NOT_YET = PendingText.of("Gradient norms");
    static final String NONE = "No gradient norms logged in the runs clipping is judged on";
    private final DoubleProperty percentile = new SimpleDoubleProperty(ClippingAdvisor.Settings.DEFAULTS.percentile());
    private final ReadOnlyDoubleWrapper threshold = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper clippedFraction = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(NOT_YET);
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper run = new ReadOnlyStringWrapper("");
    private double[] norms = new double[0];
    private ScalarSeries series;
    private boolean diagnosed;

    private final ObjectProperty<DiagnosisSettings> settings;
    private final Function<String, Optional<Run>> runByPath;

    /**
     * @param settings  the rule settings in force: {@link #commit} puts the slider's percentile there, so that the
     *                  diagnosis, the export and a planned study use the threshold on screen
     * @param runByPath the open folder's runs by path: the advice's norms may come from a run outside the diagnosed
     *                  study (the sweep a clip study is judged against, or one long run)
     */
    public ClippingPanelModel(ObjectProperty<Optional<Diagnosis>> diagnosis, ObjectProperty<DiagnosisSettings> settings,
                              Function<String, Optional<Run>> runByPath) {
        this.settings = settings;
        this.runByPath = runByPath;
        percentile.set(settings.get().clipping().percentile());
        diagnosis.addListener((obs, old, now) -> show(now));
        percentile.addListener((obs, old, now) -> recompute());
        show(diagnosis.get());
    }

    /** The slider was let go: diagnose again with its percentile. */
    public void commit() {
        ClippingAdvisor.Settings now = settings.get().clipping();
        if (now.percentile() != percentile.get()) {
            settings.set(settings.get().withClipping(new ClippingAdvisor.Settings(percentile.get(),
                    now.lowerLrWarningFraction())));
        }
    }

    private void show(Optional<Diagnosis> diagnosis) {
        diagnosed = diagnosis.isPresent();
        Optional<ClippingAdvice> advice = diagnosis.flatMap(Diagnosis::clipping);
        Optional<ScalarSeries> gradNorm = advice.flatMap(a -> diagnosis.get().sweep().stream()
                .filter(t -> t.run().equals(a.run())).findFirst().flatMap(Trial::gradNorm)
                .or(() -> runByPath.apply(a.run()).flatMap(r -> r.scalar(MetricRole.GRAD_NORM, settings.get().aliases()))));
        series = gradNorm.orElse(null);
        norms = gradNorm.map(ScalarSeries::valuesCopy).orElse(new double[0]);
        run.set(advice.map(ClippingAdvice::run).orElse(""));
        recompute();
    }

    private void recompute() {
        if (series == null) {
            threshold.set(Double.NaN);
            clippedFraction.set(Double.NaN);
            readout.set(diagnosed ? NONE : NOT_YET);
            warning.set("");
            return;
        }
        double t = Percentiles.linear(norms, percentile.get());
        double fraction = ClippingAdvisor.fractionAbove(series, t);
        threshold.set(t);
        clippedFraction.set(fraction);
        readout.set("p" + Text.number(percentile.get()) + " = " + Text.number(t) + ": clips " + Text.percent(fraction)
                + " of updates");
        warning.set(fraction > ClippingAdvisor.Settings.DEFAULTS.lowerLrWarningFraction()
                ? "Clipping this often is a lower learning rate in disguise: lower the learning rate instead." : "");
    }

    public DoubleProperty percentileProperty() {
        return percentile;
    }

    public ReadOnlyDoubleProperty thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty clippedFractionProperty() {
        return clippedFraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The norms the slider works on, for the histogram. */
    public double[] norms() {
        return norms.clone();
    }
}
