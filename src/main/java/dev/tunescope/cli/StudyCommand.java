package dev.tunescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.study.BuiltInExecutor;
import dev.tunescope.study.CommandExecutor;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.workspace.StudyProposals;
import dev.tunescope.study.StudyFolderConflict;
import dev.tunescope.study.StudyFromDiagnosis;
import dev.tunescope.workspace.SweepSetUp;
import dev.tunescope.study.StudyKind;
import dev.tunescope.study.StudyPlan;
import dev.tunescope.study.StudyPlanner;
import dev.tunescope.study.StudyRunner;
import dev.tunescope.study.TrialExecutor;
import dev.tunescope.study.TrialOutcome;
import dev.tunescope.study.TrialPlan;
import dev.tunescope.train.CommandTemplate;
import java.io.PrintWriter;
import java.time.Duration;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunescope study KIND --out DIR ...}: runs one of the playbook's studies, trial by trial, resumable. The
 * studies a diagnosis proposes (instability-probe, warmup, clip, steps) are planned from a sweep with
 * {@code --from SWEEP_DIR}.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a study: lr-sweep, instability-probe, warmup, clip, batch-probe or steps. Rerun the same"
                + " command after a crash: finished trials are kept, an interrupted one starts over.")
public final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Mixin
    SlurmOptions slurm;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "lr-sweep, instability-probe, warmup, clip, batch-probe or steps.")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The study folder.")
    Path out;

    @Option(names = "--from", paramLabel = "SWEEP_DIR",
            description = "Plan from the diagnosis of this LR sweep (instability-probe, warmup, clip, steps).")
    Path from;

    @Option(names = "--lr-min", defaultValue = "1e-4", description = "lr-sweep: smallest rate (default: ${DEFAULT-VALUE}).")
    double lrMin;

    @Option(names = "--lr-max", defaultValue = "1", description = "lr-sweep: largest rate (default: ${DEFAULT-VALUE}).")
    double lrMax;

    @Option(names = "--count", defaultValue = "9", description = "lr-sweep: number of rates (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--lr", defaultValue = "0.01", description = "batch-probe: the learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--first-batch", defaultValue = "16", description = "batch-probe: first size (default: ${DEFAULT-VALUE}).")
    int firstBatch;

    @Option(names = "--last-batch", defaultValue = "4096", description = "batch-probe: largest size tried (default: ${DEFAULT-VALUE}).")
    int lastBatch;

    @Option(names = "--probe-steps", defaultValue = "500",
            description = "instability-probe: steps (default: ${DEFAULT-VALUE}); batch-probe: steps per size is --steps.")
    long probeSteps;

    @Option(names = "--warmup-multiplier", defaultValue = "10",
            description = "warmup: the target learning rate in multiples of unstable_base_lr (default: ${DEFAULT-VALUE},"
                    + " the playbook's; 1 studies the unstable rate itself).")
    double warmupMultiplier;

    @Option(names = "--max-train-steps", defaultValue = "0",
            description = "warmup, clip, steps: the run length to plan for (default: the sweep's own).")
    long maxTrainSteps;

    @Option(names = "--command", paramLabel = "TEMPLATE",
            description = "Run each trial as your own training command instead of a built-in workload, e.g."
                    + " \"python3 train.py --lr {lr} --warmup {warmup_steps} --clip {clip} --bs {batch_size}"
                    + " --steps {steps} --out {out}\". Run as an argument list, never through a shell.")
    String command;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "With --command: stop a trial after this long.")
    Long timeoutSeconds;

    @Option(names = "--restart", description = "Start the study over: the trials in DIR are deleted and run again,"
            + " and its study.json is replaced (also one that is unreadable or holds another study).")
    boolean restart;

    @Option(names = "--json", description = "Print a JSON summary instead of text.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Train the trials as an exported config (YAML or JSON) says; flags override it, and it"
                    + " overrides what --from inherits.")
    Path config;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Run each trial with N seeds (--seed, --seed + 1, ...), so verdicts can be judged against"
                    + " the spread between seeds (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--plan", description = "Print what would run (set-up and trials) without running it.")
    boolean planOnly;

    @Option(names = "--only-trial", paramLabel = "NAME",
            description = "Run only this trial of the study, here (each Slurm job runs its trial this way).")
    String onlyTrial;

    @Override
    public Integer call() throws Exception {
        StudyKind studyKind = StudyKind.fromId(kind).orElseThrow(() -> new UserError("unknown kind '" + kind
                + "': use lr-sweep, instability-probe, warmup, clip, batch-probe or steps"));
        if (from != null && !Files.isDirectory(from)) {
            throw new UserError("--from " + from + ": no such folder");
        }
        TrialExecutor executor;
        StudyPlan plan;
        Optional<StudyFromDiagnosis> planner = Optional.empty();
        Optional<InheritedSetUp> inherited = Optional.empty();
        Optional<CommandTemplate> template = Optional.empty();
        try {
            template = Optional.ofNullable(command).map(CommandTemplate::parse);
            java.util.function.Predicate<String> given = name -> spec.commandLine().getParseResult()
                    .hasMatchedOption(name);
            if (config != null) {
                ConfigSetUp fromConfig = ConfigSetUp.read(config, training, given);
                given = given.or(fromConfig.filled::contains);
                if (template.isEmpty()) {
                    template = fromConfig.command.map(CommandTemplate::of); // the config's runs ran the user's command
                }
                if (!json) {
                    spec.commandLine().getOut().println(TerminalText.sanitise(fromConfig.describe(config)));
                }
            }
            if (from != null) {
                planner = Optional.of(StudyProposals.from(from, DiagnosisSettings.DEFAULTS));
                SweepSetUp setUp = StudyProposals.setUp(planner.get(), from, DiagnosisSettings.DEFAULTS);
                inherited = Optional.of(InheritedSetUp.apply(setUp, training, given, template.isPresent()));
                if (template.isEmpty() && !given.test("--workload")
                        && setUp.workload().isEmpty()) {
                    template = setUp.command().map(CommandTemplate::of); // the sweep ran the user's command
                }
            }
            executor = template.isEmpty() ? new BuiltInExecutor(training.base())
                    : new CommandExecutor(template.get(), training.batchSize, training.steps,
                            training.seed, Optional.ofNullable(timeoutSeconds).map(Duration::ofSeconds));
            if (slurm.slurm()) {
                executor = onSlurm(executor);
            }
            if (seeds < 1) {
                throw new UserError("--seeds " + seeds + ": give 1 or more");
            }
            plan = plan(studyKind, executor.describe(), planner).withSeeds(java.util.stream.LongStream
                    .range(training.seed, training.seed + seeds).boxed().toList());
            if (onlyTrial != null && plan.trials().stream().noneMatch(t -> t.name().equals(onlyTrial))) {
                throw new UserError("--only-trial " + onlyTrial + ": the study has no such trial (it has "
                        + String.join(", ", plan.trials().stream().map(TrialPlan::name).toList()) + ")");
            }
            if (!planOnly) {
                StudyRunner.prepare(out, plan, executor, restart);
            }
        } catch (StudyFolderConflict conflict) {
            throw conflictError(conflict);
        } catch (IllegalArgumentException | IllegalStateException cannot) {
            throw new UserError(cannot.getMessage());
        }
        if (planOnly) {
            PlannedStudy.print(spec.commandLine().getOut(), json, plan, training, template.isPresent(), inherited, from);
            return ExitCodes.OK;
        }
        inherited.ifPresent(i -> { if (!json) { spec.commandLine().getOut().println(
                TerminalText.sanitise(i.describe(from.toString()))); } });
        PrintWriter text = spec.commandLine().getOut();
        if (!json) {
            text.println(TerminalText.sanitise("Study " + plan.kind().id() + " in " + out + ": " + plan.why()));
        }
        // the summary is printed before the interrupt hook lets the JVM go: after Ctrl-C it says what was cancelled
        try (InterruptToCancel interrupt = new InterruptToCancel()) {
            List<TrialOutcome> outcomes = StudyRunner.run(out, plan, trial -> onlyTrial == null || trial.name().equals(onlyTrial),
                    executor, new ProgressLine(json
                    ? new PrintWriter(Writer.nullWriter()) : text), interrupt.cancellation());
            if (json) {
                text.println(JsonValues.MAPPER.writeValueAsString(summary(plan, outcomes)));
            }
            text.flush();
        } catch (StudyFolderConflict conflict) {
            throw conflictError(conflict);
        }
        return ExitCodes.OK;
    }

    /** Each trial a Slurm job that runs this same study for that trial alone, on its node. */
    private TrialExecutor onSlurm(TrialExecutor onTheNode) {
        if (onlyTrial != null) {
            throw new UserError("--only-trial runs one trial here: leave out --executor slurm");
        }
        return NodeCommand.executor(onTheNode, slurm.settings(), slurm.tunescopeOnTheNode(),
                spec.commandLine().getParseResult(), training.steps);
    }

    /** The conflict, and the way out the command line offers. */
    private UserError conflictError(StudyFolderConflict conflict) {
        return new UserError(conflict.getMessage() + switch (conflict.kind()) {
            case UNREADABLE -> "; to start the study over, run the same command with --restart, or move "
                    + conflict.folder() + " away";
            case DIFFERENT_STUDY -> "; choose another --out folder, or add --restart to replace it (its trials are"
                    + " deleted)";
            case TRIAL_IN_USE -> "";
        });
    }

    private StudyPlan plan(StudyKind studyKind, Map<String, Object> workload, Optional<StudyFromDiagnosis> planner) {
        return switch (studyKind) {
            case LR_SWEEP -> StudyPlanner.lrSweep(workload, lrMin, lrMax, count, training.steps);
            case BATCH_PROBE -> StudyPlanner.batchProbe(workload, lr, firstBatch, lastBatch, training.steps);
            default -> {
                yield planner.orElseThrow(() -> new IllegalArgumentException(studyKind.id()
                        + " is planned from a sweep: add --from SWEEP_DIR")).plan(studyKind, workload, probeSteps,
                        warmupMultiplier, maxTrainSteps);
            }
        };
    }

    private ObjectNode summary(StudyPlan plan, List<TrialOutcome> outcomes) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("study", out.toString());
        node.put("kind", plan.kind().id());
        node.put("why", plan.why());
        ArrayNode trials = node.putArray("trials");
        for (TrialOutcome o : outcomes) {
            ObjectNode t = trials.addObject();
            t.put("name", o.trial());
            t.put("status", o.status().id());
            t.put("steps", o.steps());
            t.put("done_before", o.doneBefore());
            o.reason().ifPresent(r -> t.put("reason", r));
        }
        return node;
    }
}
