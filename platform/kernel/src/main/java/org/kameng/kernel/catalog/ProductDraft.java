package org.kameng.kernel.catalog;

import java.util.UUID;

/**
 * A product as the shop's staff enter it (not yet validated).
 *
 * @param categoryId the category it is listed in, or null for none
 * @param name 1 to 200 characters
 * @param description at most 20,000 characters; null for none
 * @param fulfilment {@code CARD_KEY}, {@code MANUAL} or {@code UPSTREAM}
 */
public record ProductDraft(UUID categoryId, String name, String description, String fulfilment) {}
