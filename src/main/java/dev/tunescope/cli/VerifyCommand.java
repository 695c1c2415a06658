package dev.tunescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.VerificationVerdict;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.io.AtomicFiles;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.study.BuiltInExecutor;
import dev.tunescope.study.CommandExecutor;
import dev.tunescope.study.TrialExecutor;
import dev.tunescope.train.CommandTemplate;
import dev.tunescope.workspace.SweepSetUp;
import dev.tunescope.study.StudyFolderConflict;
import dev.tunescope.study.StudyFromDiagnosis;
import dev.tunescope.study.StudyPlan;
import dev.tunescope.study.StudyPlanner;
import dev.tunescope.study.StudyRunner;
import dev.tunescope.workspace.Recommendation;
import dev.tunescope.workspace.Verification;
import dev.tunescope.workspace.StudyProposals;
import dev.tunescope.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunescope verify SWEEP_DIR}: trains the recommended config beside the sweep's best constant learning rate,
 * with the same seeds and steps, and says whether it is better beyond the spread between seeds. Resumable like any
 * study; the answer is written to {@code verification.json} in the study folder.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Train the recommended config (exported from SWEEP_DIR, or --config FILE) beside the sweep's"
                + " best constant learning rate, same seeds and steps, and report the difference in best eval loss"
                + " with its spread.")
public final class VerifyCommand implements Callable<Integer> {
    static final String RESULT = "verification.json";

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "The LR sweep the config was recommended from.")
    Path sweep;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config to verify (default: the one tunescope export recommends for SWEEP_DIR).")
    Path config;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N",
            description = "Seeds per arm: --seed, --seed + 1, ... (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "The study folder (default: SWEEP_DIR-verify beside it).")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(sweep)) {
            throw new UserError(sweep + ": no such folder");
        }
        if (seeds < 1) {
            throw new UserError("--seeds " + seeds + ": give 1 or more");
        }
        Path study = out != null ? out : sweep.toAbsolutePath().normalize().resolveSibling(
                sweep.toAbsolutePath().normalize().getFileName() + "-verify");
        PrintWriter text = spec.commandLine().getOut();
        StudyFromDiagnosis planner;
        ConfigSetUp recommended;
        StudyPlan plan;
        TrialExecutor executor;
        try {
            planner = StudyProposals.from(sweep, DiagnosisSettings.DEFAULTS);
            Predicate<String> given = name -> spec.commandLine().getParseResult().hasMatchedOption(name);
            recommended = config != null ? ConfigSetUp.read(config, training, given)
                    : ConfigSetUp.of(ConfigFiles.read(ConfigFiles.json(recommendation(planner.diagnosis()))),
                    "the config recommended for " + sweep, training, given);
            Predicate<String> set = given.or(recommended.filled::contains);
            SweepSetUp setUp = StudyProposals.setUp(planner, sweep, DiagnosisSettings.DEFAULTS);
            // Trained as the sweep was: by the user's command where the config or the sweep records one.
            Optional<List<String>> command = recommended.command.or(() -> set.test("--workload") ? Optional.empty()
                    : setUp.command());
            InheritedSetUp.apply(setUp, training, set, command.isPresent());
            LrStarRule.LrStar lrStar = planner.diagnosis().lrStar().orElseThrow(() -> new UserError(sweep
                    + " has no lr* to compare against (no trial with a finite loss?)"));
            if (Double.isNaN(recommended.lr)) {
                throw new UserError("the config has no learning rate to verify");
            }
            executor = command.isEmpty() ? new BuiltInExecutor(training.base())
                    : new CommandExecutor(CommandTemplate.of(command.get()), training.batchSize, training.steps,
                            training.seed, Optional.empty());
            plan = StudyPlanner.verification(executor.describe(), lrStar.value(), recommended.lr, recommended.warmup,
                    recommended.clip == null ? OptionalDouble.empty() : OptionalDouble.of(recommended.clip),
                    training.steps).withSeeds(LongStream.range(training.seed, training.seed + seeds).boxed().toList())
                    .from(sweep);
            StudyRunner.prepare(study, plan, executor, false);
        } catch (StudyFolderConflict conflict) {
            throw new UserError(conflict.getMessage() + "; choose another --out folder");
        } catch (IllegalArgumentException | IllegalStateException cannot) {
            throw new UserError(cannot.getMessage());
        }
        if (!json) {
            text.println(TerminalText.sanitise("Verification in " + study + ": " + plan.why()));
        }
        try (InterruptToCancel interrupt = new InterruptToCancel()) {
            StudyRunner.run(study, plan, executor, new ProgressLine(json
                    ? new PrintWriter(java.io.Writer.nullWriter()) : text), interrupt.cancellation());
        }
        VerificationVerdict verdict = Verification.judge(study, planner.diagnosis());
        ObjectNode result = result(verdict, plan);
        AtomicFiles.writeString(study.resolve(RESULT), JsonValues.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(result));
        text.println(json ? JsonValues.MAPPER.writeValueAsString(result) : TerminalText.sanitise(verdict.sentence()));
        text.flush();
        return ExitCodes.OK;
    }

    private RecommendedConfig recommendation(Diagnosis diagnosis) throws java.io.IOException {
        Workspace workspace = Workspace.read(sweep, DiagnosisSettings.DEFAULTS);
        return Recommendation.config(workspace, diagnosis, VersionProvider.version(), sweep.toString())
                .orElseThrow(() -> new UserError(sweep + " gives no config to verify: it holds no LR sweep"));
    }

    private static ObjectNode result(VerificationVerdict verdict, StudyPlan plan) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("kind", "verify");
        node.put("why", plan.why());
        node.put("outcome", verdict.outcome().id());
        node.put("sentence", verdict.sentence());
        arm(node.putObject("recommended"), verdict.recommended());
        arm(node.putObject("constant_lr"), verdict.constant());
        JsonValues.put(node, "difference", verdict.difference());
        JsonValues.put(node, "standard_error", verdict.standardError());
        JsonValues.put(node, "margin_95", verdict.margin());
        verdict.evalSwing().ifPresent(s -> JsonValues.put(node, "sweep_eval_swing", s));
        return node;
    }

    private static void arm(ObjectNode node, VerificationVerdict.Arm arm) {
        arm.bestEvalLosses().forEach(node.putArray("best_eval_losses")::add);
        JsonValues.put(node, "mean", arm.mean());
        JsonValues.put(node, "std", arm.std());
    }
}
