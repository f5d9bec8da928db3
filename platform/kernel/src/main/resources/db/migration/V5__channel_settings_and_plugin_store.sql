-- A channel configuration's revision grows with every change, so every server instance can tell
-- that the channel it built from an older revision is stale without any cross-instance messaging.
ALTER TABLE kameng.channel_config
  ADD COLUMN revision   bigint      NOT NULL DEFAULT 1 CHECK (revision >= 1),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  -- Which secret fields have a value, in the clear beside the sealed values, so that listing a
  -- shop's channels never opens a secret.
  ADD COLUMN secret_names text[] NOT NULL DEFAULT '{}';

-- The plugin key-value store (HostContext.store()), scoped to (tenant, plugin). Values are small
-- pieces of plugin state (a sandbox payment's page data, an upstream token's expiry), never secrets:
-- secrets belong in the channel configuration, which is encrypted.
CREATE TABLE kameng.plugin_store (
  tenant_id  uuid        NOT NULL REFERENCES kameng.tenant (id),
  plugin_id  text        NOT NULL CHECK (plugin_id ~ '^[a-z][a-z0-9-]{1,63}$'),
  key        text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  value      text        NOT NULL CHECK (length(value) <= 65536),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Null: kept until deleted. Expired rows read as absent; writes in the scope delete them now and
  -- then (PluginStore).
  expires_at timestamptz,
  PRIMARY KEY (tenant_id, plugin_id, key)
);
ALTER TABLE kameng.plugin_store ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_store FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.plugin_store
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());
