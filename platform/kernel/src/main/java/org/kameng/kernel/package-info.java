/**
 * The Kameng kernel: the shared order and inventory core every shop runs on.
 *
 * <p>One package per aggregate ({@code tenant}, and as the kernel grows catalog, inventory, order,
 * payment, fulfilment, ledger, job). The kernel speaks the business's words, keeps its rules in the
 * aggregates and owns its persistence; it knows nothing of HTTP, of the plugin host or of any
 * vendor's SDK, which is what lets the same rules run behind the storefront, the admin API and the
 * job runners.
 */
package org.kameng.kernel;
