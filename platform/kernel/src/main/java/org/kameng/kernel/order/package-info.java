/**
 * Orders: placing one (validating the request, pricing it, reserving card keys at once with {@code
 * FOR UPDATE SKIP LOCKED}), the declared state machine every transition goes through, and the
 * buyer's unguessable token.
 */
package org.kameng.kernel.order;
