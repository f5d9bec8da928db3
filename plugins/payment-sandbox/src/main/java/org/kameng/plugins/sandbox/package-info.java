/**
 * The sandbox payment channel ({@code payment-sandbox}), for demos and end-to-end tests only: a
 * checkout page served through the host where a tester decides whether a payment succeeds, an
 * HMAC-SHA256 signed notify to the shop, and query and refund answered from the host's store. No
 * money moves; every page says so. {@link org.kameng.plugins.sandbox.SandboxChannelFactory} is the
 * entry point; the protocol is described in the module's README.
 */
package org.kameng.plugins.sandbox;
