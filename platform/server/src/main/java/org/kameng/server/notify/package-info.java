/**
 * Notifications on the server side: the job handlers that fan a kernel event out to the shop's
 * enabled notifiers and deliver each message through {@link org.kameng.server.plugins.PluginCalls},
 * retried by the job queue.
 */
package org.kameng.server.notify;
