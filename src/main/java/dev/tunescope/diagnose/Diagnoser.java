package dev.tunescope.diagnose;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.InOrderPool;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.run.StudyKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Diagnoses every study of an opened folder, each as its kind calls for (RULES.md §1-§5): an LR sweep gets lr*, its
 * unstable trials, the fixes in the playbook's order, the probe, warmup and clipping advice and the run length; a
 * warmup, clipping or probe study is judged against the sweep it refers to (its {@code from}) where there is one,
 * else against its own best stable trial; a batch probe gets the batch size; a run-length study the length; other
 * runs are judged one by one. A sweep's fixes take into account what the studies that refer to it showed.
 */
public final class Diagnoser {
    private Diagnoser() {
    }

    /**
     * One diagnosis per study, in the order given, leaving out studies read only as references
     * ({@link Study#outsideFolder()}).
     */
    public static List<Diagnosis> diagnoseAll(List<Study> studies, DiagnosisSettings settings) {
        // Studies are judged side by side on every core (InOrderPool), in three passes, since a study may refer to
        // a sweep and a sweep's fixes depend on the studies that refer to it.
        StabilityJudge judge = new StabilityJudge(settings.instability());
        List<Optional<Study>> references = studies.stream().map(study -> referenceOf(study, studies)).toList();
        List<List<Trial>> trials = InOrderPool.map(studies, study -> trialsOf(study, settings));
        List<Integer> all = IntStream.range(0, studies.size()).boxed().toList();
        Map<String, SweepVerdict> sweeps = new HashMap<>();
        List<Integer> sweepIndices = all.stream().filter(i -> studies.get(i).kind() == StudyKind.LR_SWEEP).toList();
        List<SweepVerdict> sweepVerdicts = InOrderPool.map(sweepIndices,
                i -> SweepVerdict.of(studies.get(i), trials.get(i), judge, settings));
        for (int k = 0; k < sweepIndices.size(); k++) {
            sweeps.put(studies.get(sweepIndices.get(k)).id(), sweepVerdicts.get(k));
        }
        List<Integer> otherIndices = all.stream().filter(i -> studies.get(i).kind() != StudyKind.LR_SWEEP).toList();
        List<Diagnosis> otherDiagnoses = InOrderPool.map(otherIndices, i -> StudyVerdicts.diagnose(studies.get(i),
                trials.get(i), references.get(i).map(s -> sweeps.get(s.id())), judge, settings));
        Map<String, Diagnosis> others = new HashMap<>();
        Map<String, List<Diagnosis>> referringTo = new HashMap<>();
        for (int k = 0; k < otherIndices.size(); k++) {
            int i = otherIndices.get(k);
            Diagnosis diagnosis = otherDiagnoses.get(k);
            others.put(studies.get(i).id(), diagnosis);
            references.get(i).filter(r -> r.kind() == StudyKind.LR_SWEEP).ifPresent(r -> referringTo
                    .computeIfAbsent(r.id(), id -> new ArrayList<>()).add(diagnosis));
        }
        List<Study> shown = studies.stream().filter(study -> !study.outsideFolder()).toList();
        return InOrderPool.map(shown, study -> study.kind() == StudyKind.LR_SWEEP
                ? sweeps.get(study.id()).diagnosis(referringTo.getOrDefault(study.id(), List.of()), judge, settings)
                : others.get(study.id()));
    }

    /** One study on its own (with no other study to refer to). */
    public static Diagnosis diagnose(Study study, DiagnosisSettings settings) {
        return diagnoseAll(List.of(study), settings).get(0);
    }

    /**
     * The study {@code study} refers to: the one whose id its {@code from} names, else an LR sweep in the folder it
     * names (the one of the same set-up, where that folder holds several).
     */
    static Optional<Study> referenceOf(Study study, List<Study> studies) {
        if (study.basedOn().isEmpty()) {
            return Optional.empty();
        }
        String named = study.basedOn().get();
        Optional<Study> byId = studies.stream().filter(s -> s.id().equals(named) && s != study).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        List<Study> inFolder = studies.stream().filter(s -> s.path().equals(named) && s != study).toList();
        return inFolder.stream().filter(s -> s.kind() == StudyKind.LR_SWEEP && sameSetUp(s, study)).findFirst()
                .or(() -> inFolder.stream().filter(s -> s.kind() == StudyKind.LR_SWEEP).findFirst())
                .or(() -> inFolder.stream().findFirst());
    }

    private static boolean sameSetUp(Study a, Study b) {
        return a.splitBy().entrySet().stream().allMatch(e -> !b.splitBy().containsKey(e.getKey())
                || b.splitBy().get(e.getKey()).equals(e.getValue()));
    }

    /**
     * The study's trials. A sweep, warmup, clipping or probe study compares learning rates, so only runs that record
     * one are its trials; the other kinds judge runs one by one and take any run with a train loss.
     */
    static List<Trial> trialsOf(Study study, DiagnosisSettings settings) {
        boolean needsRate = switch (study.kind()) {
            case LR_SWEEP, WARMUP, CLIPPING, PROBE -> true;
            case BATCH_PROBE, STEPS, RUNS, VERIFY -> false;
        };
        return study.runs().stream().map(r -> TrialExtraction.from(r, settings.aliases())).flatMap(Optional::stream)
                .filter(t -> !needsRate || Double.isFinite(t.learningRate())).toList();
    }

    /**
     * The run length a study was designed for: what it declares, else the largest max_train_steps its runs record,
     * else the longest stable trial, else the longest trial.
     */
    static long maxTrainSteps(Study study, List<Trial> trials, List<TrialStability> verdicts) {
        if (study.maxTrainSteps().isPresent()) {
            return study.maxTrainSteps().getAsLong();
        }
        Optional<Double> declared = study.runs().stream().map(Run::hyperparameters)
                .map(h -> HyperparameterNames.number(h, HyperparameterNames.MAX_TRAIN_STEPS)).flatMap(Optional::stream)
                .filter(v -> v > 0).max(Double::compare);
        if (declared.isPresent()) {
            return Math.round(declared.get());
        }
        List<String> stable = verdicts.stream().filter(TrialStability::stable).map(TrialStability::run).toList();
        long longestStable = trials.stream().filter(t -> stable.contains(t.run()))
                .mapToLong(t -> t.trainLoss().lastStep()).max().orElse(0);
        return longestStable > 0 ? longestStable : trials.stream().mapToLong(t -> t.trainLoss().lastStep()).max()
                .orElse(0);
    }
}
