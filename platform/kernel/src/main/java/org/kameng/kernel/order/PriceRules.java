package org.kameng.kernel.order;

import java.util.List;
import java.util.Objects;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.Proposal;

/**
 * The shop's price rules as {@link PlaceOrder} asks them: the server implements this port with the
 * shop's enabled marketing plugins, each call fenced by a time limit. The kernel never trusts an
 * answer: it applies the adjustments within its own rules (existing line, same currency, never
 * below zero) and takes the uses of limited promotions itself, atomically with the order.
 */
@FunctionalInterface
public interface PriceRules {

  /** No rules: the list or wholesale price stands. */
  PriceRules NONE = cart -> new Answer(List.of(), List.of());

  /**
   * Asks every enabled rule about a cart. Called inside the order's transaction before any stock is
   * claimed, so it must be quick; a rule that fails or overruns is left out and named in {@link
   * Answer#skipped()}, never thrown.
   */
  Answer propose(CartSnapshot cart);

  /**
   * What the rules answered.
   *
   * @param proposals each answering rule's proposal, in the order the shop enabled them
   * @param skipped the plugin ids of rules that failed or overran, recorded in the snapshot
   */
  record Answer(List<Proposed> proposals, List<String> skipped) {
    public Answer {
      proposals = List.copyOf(proposals);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * One rule's proposal.
   *
   * @param pluginId which plugin proposed it; its use limits are counted under this id
   */
  record Proposed(String pluginId, Proposal proposal) {
    public Proposed {
      Objects.requireNonNull(pluginId, "pluginId");
      Objects.requireNonNull(proposal, "proposal");
    }
  }
}
