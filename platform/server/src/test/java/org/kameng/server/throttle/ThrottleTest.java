package org.kameng.server.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThrottleTest {

  @Test
  void aBucketAdmitsItsBudgetThenRefuses() {
    Throttle throttle = new Throttle();
    for (int i = 0; i < 3; i++) {
      assertTrue(throttle.allow(new Throttle.Budget("ip:1", 3)), "request " + (i + 1));
    }
    assertFalse(throttle.allow(new Throttle.Budget("ip:1", 3)));
    assertTrue(throttle.allow(new Throttle.Budget("ip:2", 3)), "other buckets are untouched");
  }

  @Test
  void aRequestIsRefusedWhenAnyOfItsBucketsIsSpent() {
    Throttle throttle = new Throttle();
    assertTrue(throttle.allow(new Throttle.Budget("ip:1", 10), new Throttle.Budget("order:x", 1)));
    assertFalse(
        throttle.allow(new Throttle.Budget("ip:2", 10), new Throttle.Budget("order:x", 1)),
        "a second address guessing the same order");
  }
}
