package org.kameng.plugin.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a contract test class on the JUnit platform, for the tests that prove a contract bites. */
final class ContractRuns {

  private ContractRuns() {}

  /** The names of the contract's test methods that failed on this class, dynamic tests included. */
  static Set<String> failedTests(Class<?> contract) {
    List<TestIdentifier> failures = new ArrayList<>();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(),
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                  failures.add(test);
                }
              }
            });
    Set<String> names = new TreeSet<>();
    for (TestIdentifier failure : failures) {
      // [method:name()] or [test-factory:name()] (and its [dynamic-test:#n] children)
      for (String segment : failure.getUniqueId().split("/")) {
        int colon = segment.indexOf(':');
        int paren = segment.indexOf('(');
        if ((segment.startsWith("[method:") || segment.startsWith("[test-factory:"))
            && paren > colon) {
          names.add(segment.substring(colon + 1, paren));
        }
      }
    }
    return names;
  }
}
