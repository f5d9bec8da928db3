/**
 * Resellers signing up: a Keycloak user and organisation created through Keycloak's admin REST API
 * with the server's own service account, then the shop opened in the kernel; a failure on the way
 * undoes what was created before it.
 */
package org.kameng.server.signup;
