/**
 * Custom domains of shops: a reseller adds a host name, publishes the token the platform gives, and
 * the host serves the shop once verified. The rows are tenant data under row-level security; the
 * storefront, which runs with no tenant, reaches verified hosts only through one database function
 * (docs/adr/0008-custom-domains.md).
 */
package org.kameng.kernel.domain;
