package org.kameng.plugin.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kit tests plugins against the plugin API, the real plugin loader and the real mail transport
 * (with a real SMTP server), and nothing else of the platform: a plugin that passes its contracts
 * cannot have leaned on the kernel or the server.
 */
@AnalyzeClasses(
    packages = "org.kameng.plugin.testkit",
    importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitDependencyTest {

  @ArchTest
  static final ArchRule kitDependsOnTheApiTheLoaderJunitAndTheJdkOnly =
      classes()
          .that()
          .resideInAPackage("org.kameng.plugin.testkit..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.kameng.plugin.testkit..",
              "org.kameng.plugin.api..",
              "org.kameng.host.plugins..",
              // the host's own mail transport and its settings, against SmtpFarSide
              "org.kameng.host.mail..",
              "org.kameng.host.http..",
              "com.icegreen.greenmail..",
              "org.kameng.testing.tls..",
              "jakarta.mail..",
              "org.pf4j..",
              "org.junit..",
              "org.opentest4j..",
              "java..",
              "javax..");
}
