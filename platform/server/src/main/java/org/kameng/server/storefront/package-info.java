/**
 * The storefront's public API: the shop is found by the host name the buyer used, never by an id in
 * the request, so a buyer of one shop cannot address another's data.
 */
package org.kameng.server.storefront;
