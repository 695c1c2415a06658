package dev.tunescope.ui.compare;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.run.FilterSubject;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFilter;
import dev.tunescope.run.Study;
import dev.tunescope.workspace.Workspace;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The filter in force for the open folder ({@code status=diverged} also finds runs that record no status but whose
 * loss the diagnosis saw go NaN, as the runs table shows them). The text is parsed once per change (not once per
 * run), and each run's study and stability verdict are looked up in a map made once per workspace, so filtering
 * thousands of runs is one pass over them. Text that cannot be read leaves the last filter that could in force and
 * says why.
 */
public final class RunFilterModel {
    private final ObservableValue<Workspace> workspace;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private RunFilter filter = RunFilter.ALL;
    private Map<String, FilterSubject> subjects = Map.of();
    private Workspace subjectsOf;

    public RunFilterModel(ObservableValue<String> text, ObservableValue<Workspace> workspace) {
        this.workspace = workspace;
        parse(text.getValue());
        text.addListener((obs, old, now) -> parse(now));
    }

    /** Whether {@code run} of the open folder passes the filter in force. */
    public boolean matches(Run run) {
        if (filter.isEmpty()) {
            return true;
        }
        FilterSubject subject = subjects().get(run.path());
        return filter.matches(subject != null ? subject : FilterSubject.of("", run));
    }

    /** Why the text as typed cannot be read; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private void parse(String text) {
        try {
            filter = RunFilter.parse(text == null ? "" : text);
            error.set("");
        } catch (RunFilter.InvalidFilterException invalid) {
            error.set(invalid.getMessage());
        }
    }

    private Map<String, FilterSubject> subjects() {
        Workspace current = workspace.getValue();
        if (current != subjectsOf) {
            subjects = current == null ? Map.of() : subjectsOf(current);
            subjectsOf = current;
        }
        return subjects;
    }

    private static Map<String, FilterSubject> subjectsOf(Workspace workspace) {
        Map<String, FilterSubject.Stability> verdicts = new HashMap<>();
        workspace.diagnoses().forEach(d -> d.verdicts().forEach(v -> verdicts.put(v.run(),
                v.unstable() ? FilterSubject.Stability.UNSTABLE : FilterSubject.Stability.STABLE)));
        Map<String, FilterSubject> byPath = new HashMap<>();
        for (Study study : workspace.studies()) {
            Optional<Diagnosis> diagnosis = workspace.diagnosis(study.id());
            for (Run run : study.runs()) {
                byPath.put(run.path(), new FilterSubject(study.label(), run,
                        verdicts.getOrDefault(run.path(), FilterSubject.Stability.UNKNOWN),
                        RunsTableModel.status(run, diagnosis.flatMap(d -> d.trial(run.path())))));
            }
        }
        return byPath;
    }
}
