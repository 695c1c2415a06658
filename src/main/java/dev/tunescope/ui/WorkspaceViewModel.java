package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.run.StudyKind;
import dev.tunescope.ui.compare.RunFilterModel;
import dev.tunescope.workspace.Recommendation;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open folder: its studies and runs, which runs are selected for comparison, the filter, and the diagnosis
 * that goes with the selection. Opening a folder reads and diagnoses it in the background.
 */
public final class WorkspaceViewModel {
    /** Opening, refreshing and diagnosing again share one lane: the latest request wins. */
    static final String WORKSPACE = "workspace";
    private final Background background;
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("No folder open");
    /** How the connection of a remote folder stands when it is not simply up; empty otherwise. */
    private final StringProperty connection = new SimpleStringProperty("");
    private final StringProperty filter = new SimpleStringProperty("");
    private final RunFilterModel filtering = new RunFilterModel(filter, workspace);
    private final ObservableList<Run> selectedRuns = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<Diagnosis>> diagnosis = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<Diagnosis>> warmupDiagnosis = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<Diagnosis>> batchDiagnosis = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<DiagnosisSettings> settings = new SimpleObjectProperty<>(DiagnosisSettings.DEFAULTS);

    /** Whether the person chose runs while the folder was being read: the end of the read keeps their choice. */
    private boolean userChoseRuns;
    private boolean selectingForUser;

    public WorkspaceViewModel(Background background) {
        this.background = background;
        selectedRuns.addListener((javafx.collections.ListChangeListener<Run>) change -> {
            userChoseRuns |= !selectingForUser && loading.get();
            diagnosis.set(diagnosisFor());
        });
        settings.addListener((obs, old, now) -> rediagnose());
        diagnosis.addListener((obs, old, now) -> {
            warmupDiagnosis.set(warmupFor(now));
            batchDiagnosis.set(batchFor(now));
        });
    }

    /**
     * Where the warmup answer for a diagnosis lies: in the diagnosis itself (a warmup study, or a sweep's proposal),
     * else in the warmup study that refers to it.
     */
    private Optional<Diagnosis> warmupFor(Optional<Diagnosis> shown) {
        Workspace current = workspace.get();
        if (shown.isEmpty() || current == null || shown.get().warmup().isPresent()) {
            return shown;
        }
        String id = shown.get().study().id();
        return current.diagnoses().stream().filter(d -> d.warmup().isPresent()
                && d.judgedAgainst().map(id::equals).orElse(false)).findFirst().or(() -> shown);
    }

    /** Reads and diagnoses {@code folder} in the background; the current workspace stays until the new one is in. */
    public void open(Path folder) {
        loading.set(true);
        status.set("Reading " + folder + " ...");
        userChoseRuns = false;
        DiagnosisSettings chosen = settings.get();
        background.run(WORKSPACE, cancelled -> Workspace.open(folder, chosen, partial -> {
            if (cancelled.isCancelled()) {
                throw new java.util.concurrent.CancellationException("a newer folder was opened");
            }
            background.onFxThread(() -> {
                if (!cancelled.isCancelled()) {
                    showPartial(partial);
                }
            });
        }), this::show, failure -> {
            loading.set(false);
            status.set("Could not read " + folder + ": " + failure.getMessage());
        });
    }

    /**
     * Reads again what runs still being written have appended (the view calls this every few seconds); keeps the
     * selection, by run path. Does nothing while nothing is running or a read is under way.
     */
    public void refreshIfLive() {
        Workspace current = workspace.get();
        if (current == null || loading.get() || !current.live()) {
            return;
        }
        loading.set(true);
        DiagnosisSettings chosen = settings.get();
        background.run(WORKSPACE, cancelled -> current.refresh(chosen), this::update, failure -> loading.set(false));
    }

    /**
     * The same runs diagnosed again with the current settings (a panel changed a threshold). While a folder is being
     * read, the read's end diagnoses again instead (a rediagnosis now would supersede the read in its lane).
     */
    private void rediagnose() {
        Workspace current = workspace.get();
        if (current == null || loading.get()) {
            return;
        }
        DiagnosisSettings chosen = settings.get();
        background.run(WORKSPACE, cancelled -> current.withSettings(chosen), this::update, failure -> status.set(
                "Could not diagnose again: " + failure.getMessage()));
    }

    private void update(Workspace refreshed) {
        java.util.Set<String> selected = new java.util.HashSet<>();
        selectedRuns.forEach(r -> selected.add(r.path()));
        workspace.set(refreshed);
        selectedRuns.setAll(refreshed.studies().stream().flatMap(s -> s.runs().stream())
                .filter(r -> selected.contains(r.path())).toList());
        diagnosis.set(diagnosisFor());
        loading.set(false);
        status.set(refreshed.runCount() + " runs in " + refreshed.ownStudies().size() + " studies, " + refreshed.folder()
                + (refreshed.live() ? " (runs still being written: refreshed live)" : ""));
        catchUpWithSettings(refreshed);
    }

    /** The settings changed while this workspace was being made: diagnose it again with the current ones. */
    private void catchUpWithSettings(Workspace made) {
        if (!made.settings().equals(settings.get())) {
            rediagnose();
        }
    }

    /**
     * The runs read so far, while the rest are read: the tree and the curves fill in, the first study is selected
     * (until the person chooses runs themselves), and nothing is diagnosed yet.
     */
    private void showPartial(Workspace partial) {
        workspace.set(partial);
        if (!userChoseRuns) {
            selectFirstStudy(partial);
        }
        status.set("Reading " + partial.folder() + ": " + partial.notices().get(0));
    }

    private void show(Workspace opened) {
        if (userChoseRuns) {
            update(opened);
            status.set(status.get() + opened.notices().stream().findFirst().map(n -> "; " + n).orElse(""));
            return;
        }
        workspace.set(opened);
        selectFirstStudy(opened);
        diagnosis.set(diagnosisFor());
        loading.set(false);
        status.set(opened.runCount() + " runs in " + opened.ownStudies().size() + " studies, " + opened.folder()
                + opened.notices().stream().findFirst().map(n -> "; " + n).orElse(""));
        catchUpWithSettings(opened);
    }

    /** Selects the folder's LR sweep (else its first study), as a person opening a sweep would first look at. */
    private void selectFirstStudy(Workspace opened) {
        List<Run> runs = opened.ownStudies().stream().filter(s -> s.kind() == StudyKind.LR_SWEEP).findFirst()
                .or(() -> opened.ownStudies().stream().findFirst()).map(Study::runs).orElse(List.of());
        if (!runs.equals(selectedRuns)) {
            selectingForUser = true;
            try {
                selectedRuns.setAll(runs);
            } finally {
                selectingForUser = false;
            }
        }
    }

    /** The diagnosis of the sweep the selected runs belong to; the first one when none is selected. */
    private Optional<Diagnosis> diagnosisFor() {
        Workspace current = workspace.get();
        if (current == null || current.diagnoses().isEmpty()) {
            return Optional.empty();
        }
        for (Diagnosis d : current.diagnoses()) {
            boolean holdsSelection = selectedRuns.stream().anyMatch(run -> d.study().runs().stream()
                    .anyMatch(r -> r.path().equals(run.path())));
            if (holdsSelection) {
                return Optional.of(d);
            }
        }
        return Optional.of(current.diagnoses().get(0));
    }

    /** Whether a run passes the filter: see {@link dev.tunescope.run.RunFilter} for its language. */
    public boolean matches(Run run) {
        return filtering.matches(run);
    }

    /** The filter in force, and why the text typed cannot be read where it cannot. */
    public RunFilterModel filtering() {
        return filtering;
    }

    /** The open folder's run at that path (as findings and advice name it). */
    public Optional<Run> run(String path) {
        return studies().stream().flatMap(s -> s.runs().stream()).filter(r -> r.path().equals(path)).findFirst();
    }

    public List<Study> studies() {
        return workspace.get() == null ? List.of() : workspace.get().ownStudies();
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * A line of its own beside the status, because every refresh rewrites the status: "connection to gpu-box
     * dropped; reconnecting (attempt 3 ...)", or the line that says it was lost; empty while connected.
     */
    public StringProperty connectionProperty() {
        return connection;
    }

    /** The rules' thresholds; changing them diagnoses the open runs again. */
    public ObjectProperty<DiagnosisSettings> settingsProperty() {
        return settings;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<Run> selectedRuns() {
        return selectedRuns;
    }

    public ObjectProperty<Optional<Diagnosis>> diagnosisProperty() {
        return diagnosis;
    }

    /** Where the batch-size answer for a diagnosis lies: in it (a batch probe), else the folder's batch probe. */
    private Optional<Diagnosis> batchFor(Optional<Diagnosis> shown) {
        Workspace current = workspace.get();
        if (shown.isEmpty() || current == null || shown.get().batch().isPresent()) {
            return shown;
        }
        return Recommendation.sources(current, shown.get()).batchProbe().or(() -> shown);
    }

    /** The diagnosis whose batch-size answer goes with the selection (see {@link #batchFor}). */
    public ObjectProperty<Optional<Diagnosis>> batchDiagnosisProperty() {
        return batchDiagnosis;
    }

    /** The diagnosis whose warmup answer goes with the selection (see {@link #warmupFor}). */
    public ObjectProperty<Optional<Diagnosis>> warmupDiagnosisProperty() {
        return warmupDiagnosis;
    }
}
