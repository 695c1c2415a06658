package dev.tunescope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package table of DESIGN.md: arrows point only down, and only {@code ui} touches JavaFX. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tunescope");
    }

    @Test
    void layersOnlyDependDownwards() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("dev.tunescope")
                .layer("ui").definedBy("dev.tunescope.ui..")
                .layer("cli").definedBy("dev.tunescope.cli..")
                .layer("workspace").definedBy("dev.tunescope.workspace..")
                .layer("study").definedBy("dev.tunescope.study..")
                .layer("train").definedBy("dev.tunescope.train..")
                .layer("export").definedBy("dev.tunescope.export..")
                .layer("diagnose").definedBy("dev.tunescope.diagnose..")
                .layer("plot").definedBy("dev.tunescope.plot..")
                .layer("remote").definedBy("dev.tunescope.remote..")
                .layer("io").definedBy("dev.tunescope.io..")
                .layer("run").definedBy("dev.tunescope.run..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app", "ui")
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("study").mayOnlyBeAccessedByLayers("app", "ui", "cli", "workspace")
                .whereLayer("train").mayOnlyBeAccessedByLayers("app", "ui", "cli", "workspace", "study")
                .whereLayer("export").mayOnlyBeAccessedByLayers("app", "ui", "cli", "workspace")
                .whereLayer("diagnose").mayOnlyBeAccessedByLayers("app", "ui", "cli", "workspace", "study", "export")
                .whereLayer("plot").mayOnlyBeAccessedByLayers("app", "ui", "cli", "workspace", "export")
                .whereLayer("remote").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("app", "ui", "cli", "workspace", "study", "train")
                .whereLayer("run").mayOnlyBeAccessedByLayers("app", "ui", "cli", "workspace", "study", "train",
                        "export", "diagnose", "plot", "io")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.tunescope.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    /**
     * A view model holds state and computes what its view shows, so it is tested without a scene: it may use
     * JavaFX properties and collections, never controls, nodes, canvases or colours. View models are the ui
     * classes whose names end in {@code Model} ({@code WorkspaceViewModel}, {@code ClippingPanelModel}, ...).
     */
    @Test
    void viewModelsUseNoSceneGraph() {
        noClasses().that().resideInAPackage("dev.tunescope.ui..").and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..")
                .allowEmptyShould(false)
                .check(classes);
    }

    /** Polymorphic typing lets a file name the classes Jackson instantiates: never turned on. */
    @Test
    void jacksonDefaultTypingIsNeverEnabled() {
        noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "ObjectMapper default typing", call -> call.getTarget().getOwner().isAssignableTo(
                                com.fasterxml.jackson.databind.ObjectMapper.class)
                                && call.getTarget().getName().matches("(activate|enable)DefaultTyping.*")))
                .check(classes);
    }

    /** One pipeline from folder to diagnosis: the front ends read and diagnose through the workspace only. */
    @Test
    void frontEndsReachDiagnosesThroughTheWorkspace() {
        noClasses().that().resideInAnyPackage("dev.tunescope.cli..", "dev.tunescope.ui..")
                .should().callMethod(dev.tunescope.diagnose.Diagnoser.class, "diagnoseAll", java.util.List.class,
                        dev.tunescope.diagnose.DiagnosisSettings.class)
                .orShould().callMethod(dev.tunescope.diagnose.Diagnoser.class, "diagnose", dev.tunescope.run.Study.class,
                        dev.tunescope.diagnose.DiagnosisSettings.class)
                .check(classes);
    }

    @Test
    void theDomainDoesNoIo() {
        noClasses().that().resideInAPackage("dev.tunescope.run..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..",
                        "java.nio.channels..", "com.fasterxml..")
                .check(classes);
    }

    /**
     * Run folders may live on any java.nio file system (an SFTP server's, see SftpReadTest): the readers never turn a
     * Path into a java.io.File, which only the local file system can back.
     */
    @Test
    void theReadersWorkOnAnyFileSystem() {
        noClasses().that().resideInAnyPackage("dev.tunescope.io..", "dev.tunescope.workspace..")
                .should().callMethod(java.nio.file.Path.class, "toFile")
                .orShould().callConstructor(java.io.File.class, String.class)
                .orShould().callConstructor(java.io.FileInputStream.class, java.io.File.class)
                .orShould().callConstructor(java.io.RandomAccessFile.class, java.io.File.class, String.class)
                .check(classes);
    }
}
