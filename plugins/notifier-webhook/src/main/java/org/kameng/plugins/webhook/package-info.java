/**
 * The {@code notifier-webhook} plugin: each message becomes a JSON event POSTed to the shop's URL,
 * signed with HMAC-SHA256 over {@code timestamp + "." + body} under the shop's secret ({@link
 * org.kameng.plugins.webhook.WebhookSignature}), through the host's guarded HTTP client.
 */
package org.kameng.plugins.webhook;
