/**
 * State the platform keeps for plugins: the key-value store each (tenant, plugin) pair gets through
 * its host context. Row-level security scopes it to the tenant like every tenant table; the plugin
 * id is part of the key, so two plugins of one shop never see each other's keys.
 */
package org.kameng.kernel.pluginstate;
