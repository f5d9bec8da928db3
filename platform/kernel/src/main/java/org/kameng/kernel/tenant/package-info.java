/**
 * Tenants: the shops on the platform, their status and their identity. The tenant table is a
 * platform-level table; every business table elsewhere leads its primary key with a tenant id.
 */
package org.kameng.kernel.tenant;
