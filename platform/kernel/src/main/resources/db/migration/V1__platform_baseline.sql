-- Baseline of the Kameng schema. Runs as the owner role (kameng_owner by default); the application
-- role (${appRole}) owns nothing and gets only the table privileges granted here, so PostgreSQL
-- row-level security, enabled and forced on every tenant table by later migrations, binds it.

-- Flyway creates the schema (owned by the owner role) before this script runs.
REVOKE ALL ON SCHEMA kameng FROM PUBLIC;
GRANT USAGE ON SCHEMA kameng TO ${appRole};

-- Tables and sequences this role creates from now on are usable, never owned, by the application.
ALTER DEFAULT PRIVILEGES IN SCHEMA kameng
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA kameng
  GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA kameng
  GRANT EXECUTE ON FUNCTIONS TO ${appRole};

-- The shops on this platform. A platform-level table: reached only through platform paths and
-- tenant resolution, so it carries no tenant_id of its own and no row-level security.
CREATE TABLE kameng.tenant (
  id               uuid        PRIMARY KEY,
  slug             text        NOT NULL UNIQUE
                               CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]$'),
  name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  status           text        NOT NULL DEFAULT 'ACTIVE'
                               CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  default_currency char(3)     NOT NULL DEFAULT 'CNY' CHECK (default_currency ~ '^[A-Z]{3}$'),
  created_at       timestamptz NOT NULL DEFAULT now()
);
