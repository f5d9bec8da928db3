package org.kameng.server.reseller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.docking.PlaceResellerOrder;
import org.kameng.kernel.docking.ResellerApiKeys;
import org.kameng.kernel.docking.ResellerOrders;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.PlaceOrder;

/** The kernel's docking services, one instance each for the application. */
@ApplicationScoped
public class DockingBeans {

  @Produces
  @Singleton
  ResellerApiKeys resellerApiKeys(DataKeys dataKeys) {
    return new ResellerApiKeys(dataKeys, Clock.systemUTC());
  }

  @Produces
  @Singleton
  PlaceResellerOrder placeResellerOrder(PlaceOrder placeOrder) {
    return new PlaceResellerOrder(placeOrder);
  }

  @Produces
  @Singleton
  ResellerOrders resellerOrders(OrderLookup lookup) {
    return new ResellerOrders(lookup);
  }
}
