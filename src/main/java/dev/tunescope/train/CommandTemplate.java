package dev.tunescope.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's own training command with placeholders for a trial's settings, such as
 * {@code python train.py --lr {lr} --warmup {warmup_steps} --clip {clip} --bs {batch_size} --steps {steps}
 * --out {out}}.
 *
 * <p>It is kept as an argument list and rendered into an argument list that is started directly
 * ({@link ProcessBuilder}), never handed to a shell: DESIGN.md requires that a hyperparameter value is never
 * code, so a value such as {@code 1e-3; rm -rf ~} stays one argument, verbatim.
 *
 * <p>A placeholder is {@code {name}} with a name of letters, digits and underscores; an argument may hold
 * several, between literal text ({@code --lr={lr}}, {@code run-{run_name}-s{seed}}). Any other brace is
 * literal text, so a JSON argument such as {@code {"a": 1}} needs no escaping; to write a literal
 * {@code {name}}, double its braces: {@code {{name}}}. The values a trial provides are listed in
 * {@link #PLACEHOLDERS} and made by {@link TrialValues#placeholders(java.nio.file.Path)}.
 *
 * @param arguments the program followed by its arguments, placeholders unexpanded
 */
public record CommandTemplate(List<String> arguments) {

    /**
     * The placeholders a trial fills in:
     * <ul>
     * <li>{@code lr}: the peak learning rate, e.g. {@code 0.001} or {@code 3e-4}</li>
     * <li>{@code warmup_steps}: steps of linear warmup from 0 to {@code lr} (0: none)</li>
     * <li>{@code clip}: the gradient-clipping threshold on the global norm (0: no clipping)</li>
     * <li>{@code batch_size}: examples per step</li>
     * <li>{@code steps}: training steps to run</li>
     * <li>{@code out}: a folder for the command's own logs in any format Tunescope reads, {@code <run>/out}</li>
     * <li>{@code seed}: the trial's random seed</li>
     * <li>{@code run_name}: the trial's name, e.g. {@code lr=0.001}</li>
     * </ul>
     */
    public static final List<String> PLACEHOLDERS =
            List.of("lr", "warmup_steps", "clip", "batch_size", "steps", "out", "seed", "run_name");

    /** {@code {{name}}} (a literal {@code {name}}) or {@code {name}} (a placeholder). */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{([A-Za-z_][A-Za-z0-9_]*)}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public CommandTemplate {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty() || arguments.getFirst().isBlank()) {
            throw new IllegalArgumentException("a command needs a program to run");
        }
    }

    /** A command given as an argument list, each element one argument. */
    public static CommandTemplate of(List<String> arguments) {
        return new CommandTemplate(arguments);
    }

    /** A command typed as one line, split as {@link CommandLineSplitter} describes (quotes, no shell). */
    public static CommandTemplate parse(String line) {
        return new CommandTemplate(CommandLineSplitter.split(line));
    }

    /** The placeholder names the command uses, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (String argument : arguments) {
            Matcher m = PLACEHOLDER.matcher(argument);
            while (m.find()) {
                if (m.group(2) != null) {
                    names.add(m.group(2));
                }
            }
        }
        return names;
    }

    /**
     * The argument list with every placeholder replaced by its value, inserted as it is: a value is never split,
     * trimmed or interpreted, and each argument stays one argument whatever the value holds.
     *
     * @throws IllegalArgumentException naming every placeholder that {@code values} has no value for
     */
    public List<String> render(Map<String, String> values) {
        Set<String> unknown = new LinkedHashSet<>(placeholders());
        unknown.removeAll(values.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the command uses "
                    + (unknown.size() == 1 ? "a placeholder" : "placeholders") + " with no value: "
                    + String.join(", ", unknown.stream().map(name -> "{" + name + "}").toList())
                    + "; known: " + String.join(", ", values.keySet().stream().sorted().toList()));
        }
        List<String> rendered = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            Matcher m = PLACEHOLDER.matcher(argument);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = m.group(1) != null ? "{" + m.group(1) + "}"
                        : Objects.requireNonNull(values.get(m.group(2)), () -> "no value for {" + m.group(2) + "}");
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            rendered.add(out.toString());
        }
        return rendered;
    }
}
