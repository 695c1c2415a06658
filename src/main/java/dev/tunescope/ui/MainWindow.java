package dev.tunescope.ui;

import dev.tunescope.workspace.Workspace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import dev.tunescope.remote.SshLocation;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: runs on the left, plots in the middle, the playbook's panels on the right, a status bar with
 * progress below. Opening a folder (menu, Ctrl+O, drag and drop, command line) reads it in the background.
 */
public final class MainWindow {
    private final Stage stage;
    private final Background background;
    private final UiPreferences prefs;
    private final RecentFolders recent;
    private final WorkspaceViewModel workspace;
    private final ExportModel export;
    private final PlotsView plots;
    private final BorderPane root = new BorderPane();
    private final List<TitledPane> advisorPanes;
    private final List<TitledPane> firstPanes;
    private final RemoteFolderOpener remote;

    public MainWindow(Stage stage, Background background, UiPreferences prefs) {
        this.stage = stage;
        this.background = background;
        this.prefs = prefs;
        this.recent = new RecentFolders(prefs);
        this.workspace = new WorkspaceViewModel(background);
        this.remote = new RemoteFolderOpener(background, stage, workspace.connectionProperty()::set);
        stage.setOnHidden(e -> closeRemoteFolders());
        this.export = new ExportModel(workspace);
        InstabilityPanelModel instability = new InstabilityPanelModel(workspace.diagnosisProperty());
        ClippingPanelModel clipping = new ClippingPanelModel(workspace.diagnosisProperty(), workspace.settingsProperty(),
                workspace::run);
        this.plots = new PlotsView(workspace, clipping, background);
        TitledPane all = titled("All findings", new FindingsPanel(workspace, plots, this::launchStudy));
        VBox.setVgrow(all, javafx.scene.layout.Priority.ALWAYS);
        WarmupPanelModel warmup = new WarmupPanelModel(workspace.warmupDiagnosisProperty());
        TitledPane warmupPane = titled("Warmup", AdvisorPanels.warmup(warmup));
        TitledPane lengthPane = titled("Run length", AdvisorPanels.runLength(workspace.diagnosisProperty()));
        TitledPane batchPane = titled("Batch size", AdvisorPanels.batch(workspace.batchDiagnosisProperty()));
        for (TitledPane collapsed : List.of(warmupPane, lengthPane, batchPane)) {
            collapsed.setExpanded(false);
        }
        this.advisorPanes = List.of(warmupPane, lengthPane, batchPane);
        TitledPane instabilityPane = titled("Instability", new InstabilityPanel(instability, plots::showUnstable,
                workspace.settingsProperty()));
        TitledPane clippingPane = titled("Gradient clipping", new ClippingPanel(clipping));
        this.firstPanes = List.of(instabilityPane, clippingPane);
        VBox panels = new VBox(instabilityPane, clippingPane, warmupPane, lengthPane, batchPane, all);
        panels.setPrefWidth(320);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(panels);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(new RunTreeView(workspace),
                dev.tunescope.ui.compare.CompareTabs.below(plots, workspace), scroll);
        split.setDividerPositions(0.22, 0.74);
        root.setTop(menus());
        root.setCenter(split);
        root.setBottom(statusBar());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(javafx.scene.input.TransferMode.LINK);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> {
            event.getDragboard().getFiles().stream().findFirst().ifPresent(file -> open(file.toPath()));
            event.setDropCompleted(true);
            event.consume();
        });
        stage.setScene(scene);
        Themes.apply(scene, Themes.savedDark(prefs));
        stage.setTitle("Tunescope");
        javafx.animation.Timeline live = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(2), e -> workspace.refreshIfLive()));
        live.setCycleCount(javafx.animation.Animation.INDEFINITE);
        live.play();
        WindowLayout.restore(prefs, stage, split);
        stage.setOnHiding(e -> WindowLayout.save(prefs, stage, split));
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public ExportModel export() {
        return export;
    }

    public PlotsView plots() {
        return plots;
    }

    /**
     * Opens the warmup, run-length and batch-size panels (collapsed at start so the first ones fit) and folds the
     * instability and clipping panels away.
     */
    public void expandAdvisorPanels() {
        firstPanes.forEach(pane -> pane.setExpanded(false));
        advisorPanes.forEach(pane -> pane.setExpanded(true));
    }

    public void open(Path folder) {
        workspace.open(folder);
        recent.add(folder);
        stage.setTitle("Tunescope: " + folder.toAbsolutePath().normalize());
    }

    /** A local path, or an {@code ssh://[user@]host[:port]/path} address, connected to in the background. */
    public void open(String location) {
        if (!SshLocation.isRemote(location)) {
            open(Path.of(location));
            return;
        }
        workspace.statusProperty().set("Connecting to " + location + " ...");
        remote.open(location, folder -> {
            workspace.open(folder);
            recent.add(location);
            stage.setTitle("Tunescope: " + location);
        }, problem -> workspace.statusProperty().set("Could not open " + location + ": " + problem));
    }

    private static TitledPane titled(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(true);
        return pane;
    }

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open folder...");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFolder());
        Menu recentMenu = new Menu("Open recent");
        recentMenu.setOnShowing(e -> recentMenu.getItems().setAll(recent.list().stream().map(location -> {
            MenuItem item = new MenuItem(location);
            item.setOnAction(a -> open(location));
            return item;
        }).toList()));
        recentMenu.getItems().add(new MenuItem("(none)"));
        MenuItem openRemote = new MenuItem("Open remote folder...");
        openRemote.setOnAction(e -> askForRemoteFolder());
        MenuItem save = new MenuItem("Export config or report...");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        save.setOnAction(e -> saveExport());
        MenuItem copy = new MenuItem("Copy config (YAML)");
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(export.configText(true));
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem verify = new MenuItem("Verify the recommended config...");
        verify.setOnAction(e -> launchStudy(dev.tunescope.study.StudyKind.VERIFY));
        MenuItem launch = new MenuItem("Launch a study...");
        launch.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        launch.setOnAction(e -> launchStudy(dev.tunescope.study.StudyKind.LR_SWEEP));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        MenuItem logY = new MenuItem("Toggle log y");
        logY.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        logY.setOnAction(e -> plots.toggleLogY());
        javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem("Dark theme");
        dark.setSelected(Themes.savedDark(prefs));
        dark.selectedProperty().addListener((obs, was, now) -> Themes.choose(prefs, stage.getScene(), now));
        MenuItem png = new MenuItem("Save plot as PNG...");
        png.setOnAction(e -> savePlot());
        MenuItem reset = new MenuItem("Reset zoom");
        reset.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        reset.setOnAction(e -> plots.resetZoom());
        return new MenuBar(new Menu("File", null, open, openRemote, recentMenu, save, copy, quit), new Menu("View", null, logY, reset, png, dark),
                new Menu("Train", null, launch, verify));
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(workspace.statusProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(workspace.loadingProperty());
        Label connection = new Label();
        connection.setId("connection");
        connection.textProperty().bind(workspace.connectionProperty());
        connection.visibleProperty().bind(workspace.connectionProperty().isNotEmpty());
        connection.managedProperty().bind(connection.visibleProperty());
        connection.setStyle("-fx-font-weight: bold;");
        HBox bar = new HBox(8, progress, connection, status);
        bar.setStyle("-fx-padding: 4 8 4 8;");
        return bar;
    }

    private void savePlot() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the plot as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("tunescope-plot.png");
        Optional.ofNullable(chooser.showSaveDialog(stage)).ifPresent(file -> {
            try {
                PngExport.save(plots.visibleChart(), file.toPath());
                workspace.statusProperty().set("Saved " + file);
            } catch (IOException failure) {
                new Alert(Alert.AlertType.ERROR, "Could not save " + file + ": " + failure.getMessage()).showAndWait();
            }
        });
    }

    /** Opens the launch dialog for {@code kind}, planned from the diagnosis and the settings on screen. */
    private void launchStudy(dev.tunescope.study.StudyKind kind) {
        Workspace current = workspace.workspaceProperty().get();
        Path folder = current == null ? Path.of(".") : current.folder();
        String sweep = workspace.diagnosisProperty().get().filter(d -> d.study().kind() == dev.tunescope.run.StudyKind.LR_SWEEP)
                .map(d -> d.study().path()).orElse("");
        LaunchStudyModel model = new LaunchStudyModel(background);
        model.prefill(folder, sweep, workspace.diagnosisProperty().get(), workspace.settingsProperty().get());
        model.recommend(export.config());
        model.kindProperty().set(kind);
        if (kind == dev.tunescope.study.StudyKind.VERIFY) {
            model.outputProperty().set(folder.resolve(sweep.isEmpty() ? "verification" : sweep + "-verify"));
        }
        new LaunchStudyDialog(stage, model, () -> open(folder)).show();
    }

    private void closeRemoteFolders() {
        try {
            remote.close();
        } catch (java.io.IOException ignored) {
            // the window is closing; a session that does not end cleanly loses nothing
        }
    }

    private void askForRemoteFolder() {
        String last = recent.list().stream().filter(SshLocation::isRemote).findFirst().orElse("ssh://");
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(last);
        dialog.initOwner(stage);
        dialog.setTitle("Open remote folder");
        dialog.setHeaderText("A folder of runs on the machine where they are trained, read over SSH/SFTP;"
                + " ~/.ssh/config, your keys and known_hosts are used as by ssh");
        dialog.setContentText("ssh://[user@]host[:port]/path");
        dialog.showAndWait().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(this::open);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of training runs");
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    private void saveExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the recommended config, or the report");
        for (ExportFormat format : ExportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.title(), "*." + format.extension()));
        }
        chooser.setInitialFileName("tunescope-config.yaml");
        Optional.ofNullable(chooser.showSaveDialog(stage)).ifPresent(file -> {
            ExportFormat format = ExportFormat.forSave(file.getName(), Optional.ofNullable(
                    chooser.getSelectedExtensionFilter()).flatMap(f -> ExportFormat.ofTitle(f.getDescription())));
            try {
                Path written = export.save(file.toPath(), format);
                workspace.statusProperty().set("Saved " + written + " (" + format.title()
                        + ", with the rule settings on screen)");
            } catch (IOException failure) {
                new Alert(Alert.AlertType.ERROR, "Could not save " + file + ": " + failure.getMessage()).showAndWait();
            }
        });
    }
}
