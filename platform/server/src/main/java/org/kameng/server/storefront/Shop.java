package org.kameng.server.storefront;

import org.kameng.plugin.api.TenantId;

/** A shop as the storefront resolved it from the request's host. */
public record Shop(TenantId tenant, String slug, String name, boolean active, String currency) {}
