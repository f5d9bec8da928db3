package org.kameng.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin host builds on the plugin API and the JDK alone, plus PF4J in the plugin loader:
 * nothing of the kernel or the server leaks towards plugins through it, and PF4J stays out of what
 * plugins are handed.
 */
@AnalyzeClasses(packages = "org.kameng.host", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginHostDependencyTest {

  @ArchTest
  static final ArchRule hostDependsOnThePluginApiAndTheJdkOnly =
      classes()
          .that()
          .resideInAPackage("org.kameng.host..")
          .and()
          .resideOutsideOfPackage("org.kameng.host.plugins..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("org.kameng.host..", "org.kameng.plugin.api..", "java..", "javax..");

  @ArchTest
  static final ArchRule pluginLoaderAddsPf4jOnly =
      classes()
          .that()
          .resideInAPackage("org.kameng.host.plugins..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.kameng.host..", "org.kameng.plugin.api..", "java..", "javax..", "org.pf4j..");
}
