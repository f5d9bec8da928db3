package org.kameng.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin host builds on the plugin API and the JDK alone: nothing of the kernel or the server
 * leaks towards plugins through it.
 */
@AnalyzeClasses(packages = "org.kameng.host", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginHostDependencyTest {

  @ArchTest
  static final ArchRule hostDependsOnThePluginApiAndTheJdkOnly =
      classes()
          .that()
          .resideInAPackage("org.kameng.host..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("org.kameng.host..", "org.kameng.plugin.api..", "java..", "javax..");
}
