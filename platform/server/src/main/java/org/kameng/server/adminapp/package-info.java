/**
 * Serves the tenant admin web app (the {@code tenant-admin} module's build, a jar of static files
 * under {@code META-INF/resources/admin/}) at {@code /admin/}: deep links fall back to the app's
 * page, content-hashed assets are cached for good, and the app reads where Keycloak is from a small
 * runtime configuration, because that address differs per run.
 */
package org.kameng.server.adminapp;
