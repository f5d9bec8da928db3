package org.kameng.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inward: the kernel may use the plugin API's value types, Jakarta
 * persistence/CDI and the PostgreSQL driver (COPY), never the server, the plugin host, REST or a
 * vendor's SDK.
 */
@AnalyzeClasses(
    packages = "org.kameng.kernel",
    importOptions = ImportOption.DoNotIncludeTests.class)
class KernelDependencyTest {

  @ArchTest
  static final ArchRule kernelDoesNotKnowTheServer =
      noClasses()
          .that()
          .resideInAPackage("org.kameng.kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.kameng.server..");

  @ArchTest
  static final ArchRule kernelDoesNotKnowThePluginHostOrRest =
      noClasses()
          .that()
          .resideInAPackage("org.kameng.kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.pf4j..",
              "jakarta.ws.rs..",
              "jakarta.servlet..",
              "org.eclipse.microprofile.openapi..",
              "org.eclipse.microprofile.jwt..");

  @ArchTest
  static final ArchRule kernelPackagesHaveNoCycles =
      slices().matching("org.kameng.kernel.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule kernelUsesNoVendorSdk =
      noClasses()
          .that()
          .resideInAPackage("org.kameng.kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.keycloak..",
              "org.flywaydb..",
              "com.alipay..",
              "com.wechat..",
              "com.github.wechatpay..",
              "com.stripe..",
              "com.paypal..",
              "org.eclipse.persistence..");
}
