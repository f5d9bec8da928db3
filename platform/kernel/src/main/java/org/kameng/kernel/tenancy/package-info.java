/**
 * Transactions scoped to one tenant. Every unit of kernel work runs through {@link
 * org.kameng.kernel.tenancy.Transactions}, which sets {@code app.tenant_id} for the transaction
 * only ({@code SET LOCAL}), so PostgreSQL's row-level security confines each statement to that
 * tenant and a pooled connection carries nothing into the next transaction.
 */
package org.kameng.kernel.tenancy;
