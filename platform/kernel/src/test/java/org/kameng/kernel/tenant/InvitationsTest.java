package org.kameng.kernel.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

class InvitationsTest {

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId shop = db.newTenant();

  private Invitations.Issued invite(String email) {
    return tx.inTenant(
        shop, c -> Invitations.invite(c, shop, email, Invitations.Role.STAFF, "owner"));
  }

  @Test
  void aTokenNamesItsShopAndRedeemsOnce() {
    Invitations.Issued issued = invite("a@example.cn");
    assertEquals(shop, Invitations.shopOf(issued.token()).orElseThrow());
    var redeemable =
        tx.inTenant(shop, c -> Invitations.redeemable(c, issued.token())).orElseThrow();
    assertEquals("a@example.cn", redeemable.email());
    tx.inTenant(
        shop,
        c -> {
          Invitations.accepted(c, redeemable, "user-1");
          return null;
        });
    assertTrue(tx.inTenant(shop, c -> Invitations.redeemable(c, issued.token())).isEmpty());
    assertEquals(0, tx.inTenant(shop, Invitations::pending).size());
  }

  @Test
  void invitingAgainReplacesTheOpenInvitation() {
    Invitations.Issued first = invite("b@example.cn");
    Invitations.Issued second = invite("b@example.cn");
    assertTrue(tx.inTenant(shop, c -> Invitations.redeemable(c, first.token())).isEmpty());
    assertTrue(tx.inTenant(shop, c -> Invitations.redeemable(c, second.token())).isPresent());
    assertEquals(1, tx.inTenant(shop, Invitations::pending).size());
  }

  @Test
  void aForgedOrForeignTokenRedeemsNothing() {
    Invitations.Issued issued = invite("c@example.cn");
    String token = issued.token();
    char last = token.charAt(token.length() - 1);
    String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertTrue(tx.inTenant(shop, c -> Invitations.redeemable(c, forged)).isEmpty());
    TenantId other = db.newTenant();
    // The token's own shop must be the one asked: another shop's transaction sees no such row.
    assertTrue(tx.inTenant(other, c -> Invitations.redeemable(c, issued.token())).isEmpty());
    assertFalse(Invitations.shopOf("garbage").isPresent());
  }

  @Test
  void aRevokedInvitationRedeemsNothing() {
    Invitations.Issued issued = invite("d@example.cn");
    boolean first =
        tx.inTenant(shop, c -> Invitations.revoke(c, shop, issued.invitation().id(), "owner"));
    boolean again =
        tx.inTenant(shop, c -> Invitations.revoke(c, shop, issued.invitation().id(), "owner"));
    assertTrue(first);
    assertFalse(again);
    assertTrue(tx.inTenant(shop, c -> Invitations.redeemable(c, issued.token())).isEmpty());
  }
}
