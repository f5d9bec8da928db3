/**
 * The {@code marketing-coupons} plugin: coupon codes a shop lists in its configuration, one per
 * line ({@link org.kameng.plugins.coupons.Coupon}). The rule proposes the discount and the limited
 * use it needs ({@link org.kameng.plugin.api.marketing.Redemption}); it never counts uses itself,
 * because the kernel takes each use in the order's own transaction.
 */
package org.kameng.plugins.coupons;
