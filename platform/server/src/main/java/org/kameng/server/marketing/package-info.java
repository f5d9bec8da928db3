/**
 * Marketing plugins beyond checkout: {@link org.kameng.server.marketing.OrderEventJobs} delivers
 * the kernel's order events to the shop's enabled {@code OrderEventListener}s from the job queue.
 */
package org.kameng.server.marketing;
