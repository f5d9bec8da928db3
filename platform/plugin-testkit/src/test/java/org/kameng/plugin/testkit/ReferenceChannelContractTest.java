package org.kameng.plugin.testkit;

import java.util.Set;

/**
 * The contract passes on a correct channel, including the timestamp and currency tests that EPay
 * skips for lack of both.
 */
class ReferenceChannelContractTest extends ReferenceContract {

  ReferenceChannelContractTest() {
    super(Set.of());
  }
}
