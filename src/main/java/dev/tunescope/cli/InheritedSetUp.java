package dev.tunescope.cli;

import dev.tunescope.diagnose.Text;
import dev.tunescope.workspace.SweepSetUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A study planned {@code --from} a sweep trains as the sweep did: each training option the command line leaves
 * out is taken from the sweep's runs (workload or command, optimizer and its settings, schedule, batch size,
 * steps, eval and histogram cadence, seed); a flag given overrides its one field. What the sweep does not record
 * keeps the flag's default and is said so; a workload it does not record is an error, never a silent default.
 */
final class InheritedSetUp {
    private final List<String> inherited = new ArrayList<>();
    private final List<String> defaulted = new ArrayList<>();

    private InheritedSetUp() {
    }

    /**
     * Fills {@code training} (and returns the command template to use, if the sweep ran one) from {@code setUp};
     * {@code given} says which option names were typed.
     */
    static InheritedSetUp apply(SweepSetUp setUp, TrainingOptions training, Predicate<String> given,
                                boolean commandGiven) {
        InheritedSetUp out = new InheritedSetUp();
        if (!given.test("--workload") && !commandGiven) {
            if (setUp.workload().isPresent()) {
                training.workload = setUp.workload().get();
                out.inherited.add("workload " + training.workload);
            } else if (setUp.command().isEmpty()) {
                throw new UserError(setUp.sweep() + " does not record which workload its runs trained (runs not"
                        + " written by Tunescope?): add --workload NAME or --command TEMPLATE");
            }
        }
        if (!given.test("--optimizer")) {
            setUp.optimizer().ifPresentOrElse(name -> {
                training.optimizer = name.toLowerCase(Locale.ROOT);
                out.inherited.add("optimizer " + training.optimizer + settingsText(setUp.optimizerSettings()));
            }, () -> out.defaulted.add("optimizer " + training.optimizer));
        }
        Map<String, Object> settings = setUp.optimizerSettings();
        if (!given.test("--momentum") && settings.get("momentum") instanceof Double m) {
            training.momentum = m;
        }
        if (!given.test("--nesterov") && settings.get("nesterov") instanceof Boolean n) {
            training.nesterov = n;
        }
        if (!given.test("--weight-decay") && settings.get("weight_decay") instanceof Double w) {
            training.weightDecay = w;
        }
        if (!given.test("--beta1") && settings.get("beta1") instanceof Double b) {
            training.beta1 = b;
        }
        if (!given.test("--beta2") && settings.get("beta2") instanceof Double b) {
            training.beta2 = b;
        }
        if (!given.test("--eps") && settings.getOrDefault("eps", settings.get("epsilon")) instanceof Double e) {
            training.eps = e;
        }
        if (!given.test("--decay")) {
            setUp.decay().filter(d -> List.of("constant", "linear", "cosine").contains(d.toLowerCase(Locale.ROOT)))
                    .ifPresent(d -> {
                        training.decay = d.toLowerCase(Locale.ROOT);
                        out.inherited.add("decay " + training.decay);
                    });
        }
        if (!given.test("--batch-size")) {
            setUp.batchSize().ifPresentOrElse(b -> {
                training.batchSize = b;
                out.inherited.add("batch size " + b);
            }, () -> out.defaulted.add("batch size " + training.batchSize));
        }
        if (!given.test("--steps")) {
            setUp.steps().ifPresentOrElse(s -> {
                training.steps = s;
                out.inherited.add(s + " steps");
            }, () -> out.defaulted.add(training.steps + " steps"));
        }
        if (!given.test("--eval-every")) {
            setUp.evalEvery().ifPresentOrElse(e -> {
                training.evalEvery = e;
                out.inherited.add("eval every " + e);
            }, () -> out.defaulted.add("eval every " + training.evalEvery));
        }
        if (!given.test("--histogram-every")) {
            setUp.histogramEvery().ifPresentOrElse(h -> {
                training.histogramEvery = h;
                out.inherited.add(h == 0 ? "no histograms" : "histograms every " + h);
            }, () -> out.defaulted.add("histograms every " + training.histogramEvery));
        }
        if (!given.test("--seed")) {
            if (!setUp.seeds().isEmpty()) {
                training.seed = setUp.seeds().get(0);
                out.inherited.add("seed " + training.seed + (setUp.seeds().size() > 1
                        ? " (the first of the sweep's seeds " + setUp.seeds() + ")" : ""));
            } else {
                out.defaulted.add("seed " + training.seed);
            }
        }
        return out;
    }

    /** "Set-up from SWEEP: workload ..., optimizer adam (beta1 0.9, ...), ...; not recorded there: ... (defaults)". */
    String describe(String sweep) {
        StringBuilder text = new StringBuilder("Set-up from " + sweep + ": "
                + (inherited.isEmpty() ? "nothing recorded" : String.join(", ", inherited)));
        if (!defaulted.isEmpty()) {
            text.append("; not recorded there, so the defaults: ").append(String.join(", ", defaulted));
        }
        return text.append(". A flag overrides any of these.").toString();
    }

    List<String> inherited() {
        return List.copyOf(inherited);
    }

    List<String> defaulted() {
        return List.copyOf(defaulted);
    }

    private static String settingsText(Map<String, Object> settings) {
        if (settings.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        settings.forEach((k, v) -> parts.add(k + " " + (v instanceof Double d ? Text.number(d) : v)));
        return " (" + String.join(", ", parts) + ")";
    }
}
