/**
 * Fulfilment: handing paid goods to the buyer (card keys at once; manual lines to staff; upstream
 * lines to a supplier connector) and releasing the stock of orders nobody paid for.
 */
package org.kameng.kernel.fulfilment;
