package org.kameng.kernel.catalog;

import java.util.UUID;

/**
 * A category as the shop's staff enter it (not yet validated).
 *
 * @param parentId the top-level category this one sits in, or null for a top-level category
 * @param name 1 to 100 characters
 */
public record CategoryDraft(UUID parentId, String name) {}
