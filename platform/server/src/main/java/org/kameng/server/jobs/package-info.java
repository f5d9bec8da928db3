/** Drives the kernel's durable job queue from a managed scheduled executor. */
package org.kameng.server.jobs;
