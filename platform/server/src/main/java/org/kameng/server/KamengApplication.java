package org.kameng.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api}, authenticated by Keycloak access tokens (MP JWT). */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "kameng")
@DeclareRoles({Roles.PLATFORM_ADMIN})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Kameng API",
            version = "0.1.0",
            description = "Admin, storefront and reseller API of the Kameng shop platform."))
@SecurityScheme(
    securitySchemeName = "keycloak",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class KamengApplication extends Application {}
