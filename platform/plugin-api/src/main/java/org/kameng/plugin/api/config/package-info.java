/**
 * Configuration a tenant enters for an extension: the {@link
 * org.kameng.plugin.api.config.ConfigSchema} a plugin declares (rendered by the admin UI as a
 * form), the {@link org.kameng.plugin.api.config.PluginConfig} values the host hands back with
 * secrets resolved, and {@link org.kameng.plugin.api.config.ConfigProblem}s found by validation.
 *
 * <p>Secret fields are encrypted at rest by the host, write-only in the admin API and never logged;
 * a plugin must not log them or put them into a message either.
 */
package org.kameng.plugin.api.config;
