/**
 * The Kameng server: the deployable web application on Open Liberty.
 *
 * <p>It adapts the outside world to the kernel: REST resources parse input into kernel value types
 * and map results back, security turns access tokens into users and roles, and the schema migration
 * brings the database to the kernel's version before anything is served. Rules live in the kernel,
 * never here.
 */
package org.kameng.server;
