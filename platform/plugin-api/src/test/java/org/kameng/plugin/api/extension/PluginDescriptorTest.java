package org.kameng.plugin.api.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.LocalizedText;

class PluginDescriptorTest {

  private static final LocalizedText NAME = LocalizedText.of("易支付", "EPay");

  @Test
  void idIsKindDashVendor() {
    PluginDescriptor epay = PluginDescriptor.of("payment-epay", NAME);
    assertEquals(PluginKind.PAYMENT, epay.kind());
    assertEquals(PluginKind.SUPPLIER, PluginDescriptor.of("supplier-kameng-v2", NAME).kind());
  }

  @Test
  void refusesIdsThatAreNotKindDashVendor() {
    for (String bad :
        new String[] {
          "epay",
          "payment",
          "payment-",
          "Payment-epay",
          "payment-EPay",
          "payment--epay",
          "payment-epay-",
          "shipping-sf",
          "payment_epay",
          "payment-" + "x".repeat(60)
        }) {
      assertThrows(IllegalArgumentException.class, () -> PluginDescriptor.of(bad, NAME), bad);
    }
  }

  @Test
  void iconIsAnAbsoluteSvgOrPngResource() {
    assertEquals(
        "/icons/epay.svg",
        PluginDescriptor.of("payment-epay", NAME).withIcon("/icons/epay.svg").icon().orElseThrow());
    PluginDescriptor base = PluginDescriptor.of("payment-epay", NAME);
    assertThrows(IllegalArgumentException.class, () -> base.withIcon("icons/epay.svg"));
    assertThrows(IllegalArgumentException.class, () -> base.withIcon("/../secret.png"));
    assertThrows(IllegalArgumentException.class, () -> base.withIcon("/icons/epay.exe"));
  }

  @Test
  void capabilitiesAreDeclaredAndImmutable() {
    PluginDescriptor epay =
        PluginDescriptor.of("payment-epay", NAME)
            .withCapabilities(Capability.PAYMENT_QUERY, Capability.PAYMENT_REFUND);
    assertTrue(epay.offers(Capability.PAYMENT_REFUND));
    assertFalse(epay.offers(Capability.UPSTREAM_CALLBACK));
    assertThrows(UnsupportedOperationException.class, () -> epay.capabilities().clear());
  }
}
