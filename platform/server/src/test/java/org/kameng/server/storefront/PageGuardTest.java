package org.kameng.server.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The pages' CSP nonces: 128 random bits each, never the same twice, on any thread. */
class PageGuardTest {

  @Test
  void everyNonceIsNewAndCarries128BitsWhicheverThreadMadeIt() throws InterruptedException {
    Set<String> nonces = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 2_500; i++) {
                  String nonce = PageGuard.nonce();
                  assertEquals(16, Base64.getDecoder().decode(nonce).length, nonce);
                  nonces.add(nonce);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(10_000, nonces.size(), "a nonce came twice");
  }
}
