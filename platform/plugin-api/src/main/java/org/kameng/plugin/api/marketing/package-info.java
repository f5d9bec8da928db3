/**
 * Marketing: {@link org.kameng.plugin.api.marketing.PriceRule}s that propose discounts for an
 * immutable {@link org.kameng.plugin.api.marketing.CartSnapshot} (the kernel applies them and
 * records them in the price snapshot), and asynchronous {@link
 * org.kameng.plugin.api.marketing.OrderEventListener}s that receive {@link
 * org.kameng.plugin.api.marketing.OrderEvent}s at least once.
 */
package org.kameng.plugin.api.marketing;
