package dev.casebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package structure ARCHITECTURE.md draws, checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.casebook");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.casebook.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theSiteBuildDoesNotDependOnTheCollector() {
    noClasses().that().resideInAnyPackage("dev.casebook.pipeline..", "dev.casebook.load..", "dev.casebook.validate..",
            "dev.casebook.link..", "dev.casebook.render..", "dev.casebook.index..", "dev.casebook.sitecheck..",
            "dev.casebook.write..", "dev.casebook.readership..", "dev.casebook.coach..", "dev.casebook.code..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.casebook.collect..")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineAndThePreviewUseThePipeline() {
    noClasses().that().resideOutsideOfPackages("dev.casebook.pipeline..", "dev.casebook.cli..", "dev.casebook.serve..")
        .should().dependOnClassesThat().resideInAPackage("dev.casebook.pipeline..")
        .check(classes);
  }

  @Test
  void stagesDoNotReachIntoTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("dev.casebook.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.casebook.cli..")
        .check(classes);
  }
}
