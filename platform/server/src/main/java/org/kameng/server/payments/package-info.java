/**
 * Payments through plugin channels, the server's half: starting a payment at the provider, the
 * public notify and hosted-page endpoints, and the status queries that reconcile payments whose
 * notify never came. Every plugin call goes through {@code PluginCalls}; every decision about money
 * is the kernel's ({@code RecordPaymentNotice}).
 */
package org.kameng.server.payments;
