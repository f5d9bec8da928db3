/**
 * Shops' settings of plugins, whatever the plugin does: the values a plugin's configuration schema
 * asks for, with secret fields sealed under the shop's data key and never shown again, and a
 * revision that grows with every change so every server instance notices a stale plugin instance.
 * Payment channels keep theirs in {@code channel_config} (payments refer to it); marketing features
 * and notifiers in {@code plugin_config}. One engine serves both tables.
 */
package org.kameng.kernel.settings;
