-- Every plugin this platform has ever loaded or been given, by id: what version and archive it runs,
-- whether the platform offers it to shops. A plugin that disappears from the plugins folder stays
-- here as REMOVED, so shops' old orders and channel configurations still name something known.
CREATE TABLE kameng.plugin_registry (
  plugin_id    text        PRIMARY KEY
                           CHECK (plugin_id ~ '^(payment|supplier|marketing|notifier)-[a-z0-9]+(-[a-z0-9]+)*$'),
  version      text        NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
  -- SHA-256 of the archive the version was loaded from, hex; tells two builds of one version apart.
  checksum     text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  status       text        NOT NULL CHECK (status IN ('ACTIVE', 'REMOVED', 'REFUSED')),
  -- Set by a platform admin; survives reloads and upgrades until lifted.
  disabled     boolean     NOT NULL DEFAULT false,
  reason       text        CHECK (length(reason) <= 1000),
  installed_at timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Each version change, for the platform's records.
CREATE TABLE kameng.plugin_registry_event (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plugin_id  text        NOT NULL REFERENCES kameng.plugin_registry (plugin_id),
  event      text        NOT NULL CHECK (event IN ('INSTALLED', 'UPGRADED', 'REMOVED', 'REFUSED',
                                                   'DISABLED', 'ENABLED')),
  version    text,
  checksum   text,
  actor      text        NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
REVOKE UPDATE, DELETE, TRUNCATE ON kameng.plugin_registry_event FROM ${appRole};
