/**
 * Proving that a shop controls a custom domain: the platform fetches the token the shop was given
 * from the domain itself, through the same guarded HTTP client plugins use, so a shop cannot make
 * the platform probe loopback, private or metadata addresses by naming a domain that resolves
 * there.
 */
package org.kameng.server.domains;
