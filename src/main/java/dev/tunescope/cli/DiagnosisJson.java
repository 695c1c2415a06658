package dev.tunescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.diagnose.BatchAdvice;
import dev.tunescope.diagnose.BestStep;
import dev.tunescope.diagnose.ClippingAdvice;
import dev.tunescope.diagnose.ClippingStudyRule;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Doubling;
import dev.tunescope.diagnose.EarlyInstabilityRule;
import dev.tunescope.diagnose.Evidence;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.InstabilitySign;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.Mark;
import dev.tunescope.diagnose.StepsAdvice;
import dev.tunescope.diagnose.ThroughputPoint;
import dev.tunescope.diagnose.Trial;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.diagnose.WarmupAdvisor;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Study;
import java.util.List;
import java.util.Locale;

/**
 * {@code diagnose --json}: {@code {"studies":[...]}}, one object per study with its path, kind, trials and verdict
 * (schema in the README, "Machine-readable output"). Sections a study's kind does not call for are left out.
 */
final class DiagnosisJson {
    private DiagnosisJson() {
    }

    static ObjectNode of(List<Diagnosis> diagnoses) {
        ObjectNode root = JsonValues.MAPPER.createObjectNode();
        ArrayNode studies = root.putArray("studies");
        diagnoses.forEach(d -> study(studies.addObject(), d));
        return root;
    }

    static void study(ObjectNode node, Diagnosis d) {
        Study study = d.study();
        node.put("path", study.path());
        node.put("id", study.id());
        node.put("name", study.name());
        node.put("kind", study.kind().id());
        node.put("kind_reason", study.kindReason());
        ObjectNode split = node.putObject("split_by");
        study.splitBy().forEach(split::put);
        if (d.judgedAgainst().isPresent()) {
            node.put("judged_against", d.judgedAgainst().get());
        } else {
            node.putNull("judged_against");
        }
        ArrayNode notes = node.putArray("notes");
        study.notes().forEach(notes::add);
        node.put("max_train_steps", d.maxTrainSteps());
        ArrayNode trials = node.putArray("trials");
        d.trials().forEach(t -> trial(trials.addObject(), t, d.verdict(t.run()).orElseThrow()));
        d.lrStar().ifPresent(s -> lrStar(node.putObject("lr_star"), s));
        d.instability().ifPresent(r -> {
            ArrayNode unstable = node.putArray("unstable");
            r.unstable().forEach(t -> unstable(unstable.addObject(), t));
            r.unstableBaseLr().ifPresent(v -> node.put("unstable_base_lr", v));
        });
        d.probe().ifPresent(p -> probe(node.putObject("probe"), p));
        d.warmup().ifPresent(w -> warmup(node.putObject("warmup"), w));
        if (d.clipping().isPresent() || d.clippingStudy().isPresent()) {
            clipping(node.putObject("clipping"), d);
        }
        d.steps().ifPresent(s -> steps(node.putObject("steps"), s));
        d.batch().ifPresent(b -> batch(node.putObject("batch"), b));
        ArrayNode findings = node.putArray("findings");
        d.findings().forEach(f -> finding(findings.addObject(), f));
    }

    private static void trial(ObjectNode node, Trial t, TrialStability v) {
        node.put("run", t.run());
        ObjectNode hparams = node.putObject("hparams");
        t.hparams().values().forEach((key, value) -> {
            switch (value) {
                case HyperparameterValue.Number n -> JsonValues.put(hparams, key, n.value());
                case HyperparameterValue.Flag f -> hparams.put(key, f.value());
                case HyperparameterValue.Text text -> hparams.put(key, text.value());
            }
        });
        node.put("lr", t.learningRate());
        node.put("warmup_steps", t.warmupSteps());
        optional(node, "clip", t.clipThreshold().isPresent() ? t.clipThreshold().getAsDouble() : Double.NaN);
        node.put("last_step", t.trainLoss().lastStep());
        node.put("stable", v.stable());
        if (v.onsetStep().isPresent()) {
            node.put("onset_step", v.onsetStep().getAsLong());
        } else {
            node.putNull("onset_step");
        }
        v.mainSign().ifPresentOrElse(s -> node.put("kind", s.kind().id()), () -> node.putNull("kind"));
        v.reference().ifPresentOrElse(r -> node.put("compared_with", r), () -> node.putNull("compared_with"));
        ArrayNode signs = node.putArray("signs");
        v.signs().forEach(s -> sign(signs.addObject(), s));
    }

    private static void sign(ObjectNode node, InstabilitySign s) {
        node.put("kind", s.kind().id());
        node.put("step", s.step());
        node.put("onset_step", s.onset());
        JsonValues.put(node, "value", s.value());
        node.put("tag", s.tag());
    }

    private static void lrStar(ObjectNode node, LrStarRule.LrStar s) {
        node.put("value", s.value());
        node.put("run", s.run());
        node.put("boundary", s.boundary().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("metric", s.metric());
        JsonValues.put(node, "best", s.score());
        node.put("step", s.step());
        node.put("learning_rates_tried", s.learningRatesTried());
        ArrayNode next = node.putArray("extend_with");
        s.suggestion().forEach(next::add);
        ArrayNode ranking = node.putArray("ranking");
        s.ranking().forEach(r -> {
            ObjectNode entry = ranking.addObject();
            entry.put("run", r.run());
            entry.put("lr", r.learningRate());
            JsonValues.put(entry, "best", r.score());
            entry.put("step", r.step());
        });
    }

    private static void unstable(ObjectNode node, TrialStability t) {
        node.put("run", t.run());
        node.put("lr", t.learningRate());
        node.put("onset_step", t.onsetStep().orElseThrow());
        t.mainSign().ifPresent(main -> node.put("kind", main.kind().id()));
        ArrayNode kinds = node.putArray("kinds");
        t.signs().stream().map(s -> s.kind().id()).distinct().forEach(kinds::add);
    }

    private static void probe(ObjectNode node, EarlyInstabilityRule.ProbeVerdict p) {
        node.put("run", p.run());
        node.put("lr", p.learningRate());
        node.put("unstable_early", p.unstableEarly());
        if (!p.earlySigns().isEmpty()) {
            node.put("onset_step", p.earlySigns().get(0).onset());
            node.put("kind", p.earlySigns().get(0).kind().id());
        }
    }

    private static void warmup(ObjectNode node, WarmupAdvisor.WarmupAdvice w) {
        ArrayNode byLr = node.putArray("by_lr");
        for (WarmupAdvisor.ByLearningRate rate : w.byLearningRate()) {
            ObjectNode entry = byLr.addObject();
            entry.put("lr", rate.learningRate());
            ArrayNode tried = entry.putArray("tried");
            ArrayNode stable = entry.putArray("stable");
            ArrayNode conclusive = entry.putArray("conclusive");
            ArrayNode farAbove = entry.putArray("far_above_reference");
            ArrayNode runs = entry.putArray("runs");
            ArrayNode onsets = entry.putArray("onset_steps");
            for (WarmupAdvisor.WarmupTrial t : rate.tried()) {
                tried.add(t.warmupSteps());
                stable.add(t.stable());
                conclusive.add(t.conclusive());
                farAbove.add(t.farAbove());
                runs.add(t.run());
                if (t.onsetStep().isPresent()) {
                    onsets.add(t.onsetStep().getAsLong());
                } else {
                    onsets.addNull();
                }
            }
            if (rate.shortestStable().isPresent()) {
                entry.put("shortest_stable", rate.shortestStable().getAsLong());
            } else {
                entry.putNull("shortest_stable");
            }
            entry.put("outcome", rate.outcome().id());
            rate.twin().ifPresentOrElse(t -> entry.put("twin", t), () -> entry.putNull("twin"));
            rate.limits().ifPresent(l -> {
                ObjectNode limits = entry.putObject("limits");
                limits.put("max_train_steps", l.maxTrainSteps());
                limits.put("share", l.share());
                limits.put("beyond_design", l.beyondDesign());
                l.raiseMaxTrainStepsTo().ifPresent(v -> limits.put("raise_max_train_steps_to", v));
                limits.put("schedule_steps", l.scheduleSteps());
            });
        }
        w.recommendedLearningRate().ifPresent(v -> node.put("recommended_lr", v));
        w.recommendedWarmup().ifPresent(v -> node.put("recommended_warmup_steps", v));
        w.scheduleSteps().ifPresent(v -> node.put("schedule_steps_with_warmup", v));
        node.put("max_train_steps", w.maxTrainSteps());
        w.plan().ifPresent(p -> {
            ObjectNode plan = node.putObject("proposed_study");
            plan.put("base_lr", p.baseLr());
            ArrayNode grid = plan.putArray("warmup_steps");
            p.warmupSteps().forEach(grid::add);
            ArrayNode post = plan.putArray("post_warmup_steps");
            p.postWarmupSteps().forEach(post::add);
            plan.put("max_train_steps", p.maxTrainSteps());
        });
    }

    private static void clipping(ObjectNode node, Diagnosis d) {
        d.clipping().ifPresent(c -> threshold(node, c));
        d.clippingStudy().ifPresent(v -> {
            ArrayNode rows = node.putArray("by_threshold");
            for (ClippingStudyRule.ClipTrial t : v.byThreshold()) {
                ObjectNode row = rows.addObject();
                row.put("run", t.run());
                row.put("lr", t.learningRate());
                optional(row, "threshold", t.threshold().isPresent() ? t.threshold().getAsDouble() : Double.NaN);
                optional(row, "clipped_fraction", t.clippedFraction());
                row.put("measured_by", t.measuredBy());
                row.put("stable", t.stable());
                row.put("conclusive", t.conclusive());
                row.put("far_above_reference", t.farAbove());
                if (t.onsetStep().isPresent()) {
                    row.put("onset_step", t.onsetStep().getAsLong());
                } else {
                    row.putNull("onset_step");
                }
            }
            node.put("rescued", v.rescued());
            v.rescuedThreshold().ifPresent(t -> node.put("rescued_threshold", t));
            v.rescuedLearningRate().ifPresent(t -> node.put("rescued_lr", t));
        });
    }

    private static void threshold(ObjectNode node, ClippingAdvice c) {
        node.put("run", c.run());
        node.put("source", c.source());
        node.put("percentile", c.percentile());
        JsonValues.put(node, "threshold", c.threshold());
        JsonValues.put(node, "clipped_fraction", c.clippedFraction());
        node.put("updates", c.updates());
        node.put("clipped", c.clipped());
        c.target().ifPresent(t -> {
            ObjectNode target = node.putObject("target");
            target.put("run", t.run());
            target.put("lr", t.learningRate());
            JsonValues.put(target, "clipped_fraction", t.clippedFraction());
            target.put("updates", t.updates());
            target.put("clipped", t.clipped());
        });
    }

    private static void steps(ObjectNode node, StepsAdvice s) {
        ArrayNode runs = node.putArray("runs");
        for (BestStep b : s.runs()) {
            ObjectNode run = runs.addObject();
            run.put("run", b.run());
            run.put("best_step", b.bestStep());
            JsonValues.put(run, "best", b.bestValue());
            run.put("last_step", b.lastStep());
            JsonValues.put(run, "position", b.position());
            run.put("verdict", b.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        s.headline().ifPresent(h -> node.put("verdict_for", h.run()));
        s.maxTrainStepsCandidate().ifPresent(v -> node.put("max_train_steps_candidate", v));
        s.candidateRun().ifPresent(r -> node.put("candidate_run", r));
        s.recommendedMaxTrainSteps().ifPresent(v -> node.put("recommended_max_train_steps", v));
        node.put("recommendation", s.recommendation());
    }

    private static void batch(ObjectNode node, BatchAdvice b) {
        node.put("recommended_batch_size", b.recommendedBatchSize());
        JsonValues.put(node, "seconds_per_step", b.secondsPerStep());
        b.peakBatchSize().ifPresent(v -> node.put("peak_batch_size", v));
        node.put("peak_tolerance", b.peakTolerance());
        b.perfectScalingUpTo().ifPresent(v -> node.put("perfect_scaling_up_to", v));
        b.outOfMemoryBatchSize().ifPresent(v -> node.put("out_of_memory_batch_size", v));
        node.put("bottleneck", b.bottleneck());
        ArrayNode points = node.putArray("points");
        for (ThroughputPoint p : b.points()) {
            ObjectNode entry = points.addObject();
            entry.put("batch_size", p.batchSize());
            JsonValues.put(entry, "examples_per_second", p.examplesPerSecond());
            JsonValues.put(entry, "spread", p.spread());
            entry.put("repeats", p.repeats());
        }
        ArrayNode doublings = node.putArray("doublings");
        for (Doubling d : b.doublings()) {
            ObjectNode entry = doublings.addObject();
            entry.put("from", d.fromBatch());
            entry.put("to", d.toBatch());
            JsonValues.put(entry, "speedup", d.speedup());
            JsonValues.put(entry, "efficiency", d.efficiency());
        }
    }

    static void finding(ObjectNode node, Finding f) {
        node.put("rule", f.rule());
        node.put("severity", f.severity().id());
        node.put("message", f.message());
        ObjectNode evidence = node.putObject("evidence");
        Evidence e = f.evidence();
        ArrayNode runs = evidence.putArray("runs");
        e.runs().forEach(runs::add);
        ArrayNode marks = evidence.putArray("marks");
        for (Mark m : e.marks()) {
            ObjectNode mark = marks.addObject();
            mark.put("run", m.run());
            mark.put("tag", m.tag());
            mark.put("from_step", m.fromStep());
            mark.put("to_step", m.toStep());
            JsonValues.put(mark, "value", m.value());
        }
        ObjectNode numbers = evidence.putObject("numbers");
        e.numbers().forEach((name, value) -> JsonValues.put(numbers, name, value));
    }

    /** A number, or null where there is none (NaN stands for "none" here). */
    private static void optional(ObjectNode node, String name, double value) {
        JsonValues.putOrNull(node, name, value);
    }
}
