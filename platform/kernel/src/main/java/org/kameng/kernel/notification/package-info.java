/**
 * Notifications: the kernel's events worth telling someone about (an order delivered, a payment
 * failed, stock low, money taken that cannot be delivered for) become durable jobs in the same
 * transaction as the event, so a crash after the commit loses none; the server turns each job into
 * one delivery per enabled notifier, retried with backoff and parked as dead after its attempts.
 */
package org.kameng.kernel.notification;
