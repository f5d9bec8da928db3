/**
 * The plugin test kit: what a plugin's own tests extend so that every plugin is held to the same
 * bar.
 *
 * <ul>
 *   <li>{@link org.kameng.plugin.testkit.PaymentChannelContract}: a payment channel's notify
 *       verification against forged, tampered, replayed and garbled notifies, and its refusal of
 *       guessable keys; the plugin's test signs notifies as the provider does.
 *   <li>{@link org.kameng.plugin.testkit.PluginArchiveContract}: the built archive loads in the
 *       real plugin host, brings its factories from its own class loader and bundles no API.
 *   <li>{@link org.kameng.plugin.testkit.ContractHost}: a host context with an in-memory store, a
 *       clock the test moves, no network unless the test answers, and a logger that records.
 * </ul>
 *
 * <p>Plugins depend on this artifact with scope {@code test}; it is never part of an archive.
 */
package org.kameng.plugin.testkit;
