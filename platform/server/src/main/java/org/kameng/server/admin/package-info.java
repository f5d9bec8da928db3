/**
 * The shop admin API under {@code /api/shops/{slug}}: every request is resolved to (user, shop,
 * role) from the access token's organisation membership by {@link
 * org.kameng.server.admin.ShopAccess} before any resource method runs.
 */
package org.kameng.server.admin;
