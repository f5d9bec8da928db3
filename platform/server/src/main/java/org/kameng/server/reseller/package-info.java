/**
 * The reseller API (docs/docking/reseller-api.md): downstream resellers' signed requests to the
 * shop at the request's host, checked by {@link org.kameng.server.reseller.SignedCalls} before the
 * kernel's docking use cases run; and the owner's admin endpoints that set resellers up.
 */
package org.kameng.server.reseller;
