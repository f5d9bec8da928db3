/**
 * Card-key inventory: import, export, stock and removal of the card keys a SKU sells.
 *
 * <p>Keys are stored sealed under the tenant's data key ({@link org.kameng.kernel.crypto}) and
 * deduplicated per SKU by their keyed fingerprint through the unique index {@code (tenant_id,
 * sku_id, fingerprint)}, so the database, not application memory, is the authority on what is a
 * duplicate. Every statement runs inside {@link org.kameng.kernel.tenancy.Transactions#inTenant},
 * names its tenant explicitly and is confined to it again by row-level security: another shop's SKU
 * is simply not found.
 *
 * <p>An import is processed in batches of lines, each committed on its own: a failure keeps the
 * batches before it, and running the same file again imports only what is missing. The text format
 * is one key per line, optionally {@code key,note}; {@link
 * org.kameng.kernel.inventory.CardKeyExport} writes that same format.
 */
package org.kameng.kernel.inventory;
