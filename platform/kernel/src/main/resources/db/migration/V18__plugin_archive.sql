-- Uploaded plugin archives, kept in the database so that every server instance runs what a platform
-- admin uploaded to any one of them (docs/adr/0010-plugins-across-instances.md). Platform-level,
-- like the registry. One row per plugin: the latest upload, which every instance installs over
-- whatever its plugins folder holds for that plugin id.
CREATE TABLE kameng.plugin_archive (
  plugin_id   text        PRIMARY KEY
                          CHECK (plugin_id ~ '^(payment|supplier|marketing|notifier)-[a-z0-9]+(-[a-z0-9]+)*$'),
  version     text        NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
  -- SHA-256 of archive, hex: what the registry records and what an instance checks before loading.
  checksum    text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  -- 20 MiB, the upload limit (InstalledPlugins.MAX_ARCHIVE_BYTES).
  archive     bytea       NOT NULL CHECK (length(archive) BETWEEN 1 AND 20971520),
  uploaded_by text        NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
-- Archives are replaced by the next upload, never edited in place or removed by the application.
REVOKE DELETE, TRUNCATE ON kameng.plugin_archive FROM ${appRole};
