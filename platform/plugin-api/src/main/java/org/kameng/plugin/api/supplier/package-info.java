/**
 * Upstream suppliers: {@link org.kameng.plugin.api.supplier.SupplierConnectorFactory} and {@link
 * org.kameng.plugin.api.supplier.SupplierConnector}: fetch the upstream catalogue, place an order
 * idempotently keyed by our order-line id, query it, interpret the upstream's callbacks. Results
 * are {@link org.kameng.plugin.api.supplier.UpstreamResult}s; the host's job queue retries and
 * never places the same key twice.
 */
package org.kameng.plugin.api.supplier;
