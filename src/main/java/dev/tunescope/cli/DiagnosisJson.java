package dev.tunescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.diagnose.BatchAdvice;
import dev.tunescope.diagnose.BestStep;
import dev.tunescope.diagnose.ClippingAdvice;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Doubling;
import dev.tunescope.diagnose.EarlyInstabilityRule;
import dev.tunescope.diagnose.Evidence;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.Mark;
import dev.tunescope.diagnose.StepsAdvice;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.diagnose.WarmupAdvisor;

/**
 * {@code diagnose --json}: {@code {"lr_star":{"value","run","boundary"},"unstable":[{"run","lr","first_step",
 * "kind"}],"warmup":{...},"clipping":{"percentile","threshold","clipped_fraction"},"steps":{...},"batch":{...},
 * "findings":[{"rule","severity","message","evidence"}]}}, with sections left out when their inputs are missing.
 */
final class DiagnosisJson {
    private DiagnosisJson() {
    }

    static ObjectNode of(Diagnosis d) {
        ObjectNode root = JsonValues.MAPPER.createObjectNode();
        d.lrStar().ifPresent(s -> lrStar(root.putObject("lr_star"), s));
        d.instability().ifPresent(r -> {
            ArrayNode unstable = root.putArray("unstable");
            r.unstable().forEach(t -> unstable(unstable.addObject(), t));
            r.unstableBaseLr().ifPresent(v -> root.put("unstable_base_lr", v));
        });
        d.probe().ifPresent(p -> probe(root.putObject("probe"), p));
        d.warmup().ifPresent(w -> warmup(root.putObject("warmup"), w));
        d.clipping().ifPresent(c -> clipping(root.putObject("clipping"), c));
        d.steps().ifPresent(s -> steps(root.putObject("steps"), s));
        d.batch().ifPresent(b -> batch(root.putObject("batch"), b));
        root.put("max_train_steps", d.maxTrainSteps());
        ArrayNode findings = root.putArray("findings");
        d.findings().forEach(f -> finding(findings.addObject(), f));
        return root;
    }

    private static void lrStar(ObjectNode node, LrStarRule.LrStar s) {
        node.put("value", s.value());
        node.put("run", s.run());
        node.put("boundary", s.boundary().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
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
        t.firstSign().ifPresent(first -> {
            node.put("first_step", first.step());
            node.put("kind", first.kind().id());
        });
        ArrayNode kinds = node.putArray("kinds");
        t.signs().stream().map(s -> s.kind().id()).distinct().forEach(kinds::add);
    }

    private static void probe(ObjectNode node, EarlyInstabilityRule.ProbeVerdict p) {
        node.put("run", p.run());
        node.put("lr", p.learningRate());
        node.put("unstable_early", p.unstableEarly());
        if (!p.earlySigns().isEmpty()) {
            node.put("first_step", p.earlySigns().get(0).step());
            node.put("kind", p.earlySigns().get(0).kind().id());
        }
    }

    private static void warmup(ObjectNode node, WarmupAdvisor.WarmupAdvice w) {
        w.verdict().ifPresent(v -> {
            node.put("target_lr", v.targetLr());
            node.put("rescued", v.rescued());
            v.recommendedWarmup().ifPresent(steps -> node.put("recommended_warmup_steps", steps));
            ArrayNode trials = node.putArray("trials");
            v.trials().forEach(t -> {
                ObjectNode trial = trials.addObject();
                trial.put("run", t.run());
                trial.put("warmup_steps", t.warmupSteps());
                trial.put("stable", t.stable());
                t.firstUnstableStep().ifPresent(s -> trial.put("first_unstable_step", s));
            });
        });
        w.plan().ifPresent(p -> {
            ObjectNode plan = node.putObject("proposed_study");
            plan.put("base_lr", p.baseLr());
            ArrayNode grid = plan.putArray("warmup_steps");
            p.warmupSteps().forEach(grid::add);
            ArrayNode post = plan.putArray("post_warmup_steps");
            p.postWarmupSteps().forEach(post::add);
            plan.put("max_train_steps", p.maxTrainSteps());
        });
        w.scheduleSteps().ifPresent(s -> node.put("schedule_steps_with_warmup", s));
    }

    private static void clipping(ObjectNode node, ClippingAdvice c) {
        node.put("run", c.run());
        node.put("source", c.source());
        node.put("percentile", c.percentile());
        JsonValues.put(node, "threshold", c.threshold());
        JsonValues.put(node, "clipped_fraction", c.clippedFraction());
        node.put("updates", c.updates());
        node.put("clipped", c.clipped());
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
            run.put("verdict", b.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        s.maxTrainStepsCandidate().ifPresent(v -> node.put("max_train_steps_candidate", v));
        s.candidateRun().ifPresent(r -> node.put("candidate_run", r));
    }

    private static void batch(ObjectNode node, BatchAdvice b) {
        node.put("recommended_batch_size", b.recommendedBatchSize());
        JsonValues.put(node, "seconds_per_step", b.secondsPerStep());
        b.perfectScalingUpTo().ifPresent(v -> node.put("perfect_scaling_up_to", v));
        b.outOfMemoryBatchSize().ifPresent(v -> node.put("out_of_memory_batch_size", v));
        node.put("bottleneck", b.bottleneck());
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
}
