package org.kameng.plugin.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin API is published to plugin authors: it may use the JDK and itself, nothing of ours and
 * no framework, or every host upgrade would risk breaking plugins.
 */
@AnalyzeClasses(packages = "org.kameng", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginApiDependencyTest {

  @ArchTest
  static final ArchRule pluginApiDependsOnTheJdkAndItselfOnly =
      classes()
          .that()
          .resideInAPackage("org.kameng.plugin.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("org.kameng.plugin.api..", "java..");

  @ArchTest
  static final ArchRule pluginApiPackagesHaveNoCycles =
      slices().matching("org.kameng.plugin.api.(**)").should().beFreeOfCycles();
}
