package org.kameng.server.kernel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.MasterKey;
import org.kameng.kernel.fulfilment.DeliverManually;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.tenancy.Transactions;

/** Produces the kernel's services, one instance each for the application. */
@ApplicationScoped
public class KernelBeans {

  @Resource(lookup = "jdbc/kameng-kernel")
  DataSource kernelDataSource;

  @Inject
  @ConfigProperty(name = "kameng.master.key")
  String masterKey;

  @Produces
  @Singleton
  Transactions transactions() {
    return new Transactions(kernelDataSource);
  }

  @Produces
  @Singleton
  DataKeys dataKeys() {
    return new DataKeys(MasterKey.fromBase64(masterKey));
  }

  @Produces
  @Singleton
  PlaceOrder placeOrder(Transactions transactions, DataKeys dataKeys) {
    return new PlaceOrder(transactions, dataKeys);
  }

  @Produces
  @Singleton
  RecordPaymentNotice recordPaymentNotice(Transactions transactions) {
    return new RecordPaymentNotice(transactions);
  }

  @Produces
  @Singleton
  DeliverManually deliverManually(DataKeys dataKeys) {
    return new DeliverManually(dataKeys);
  }

  @Produces
  @Singleton
  OrderLookup orderLookup(DataKeys dataKeys) {
    return new OrderLookup(dataKeys);
  }
}
