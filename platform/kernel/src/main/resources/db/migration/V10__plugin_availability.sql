-- Which shops may use a plugin: every shop (ALL), or only those a platform admin approved
-- (APPROVED) — for a sandbox that must not reach real buyers, or a plugin in a trial.
ALTER TABLE kameng.plugin_registry
  ADD COLUMN availability text NOT NULL DEFAULT 'ALL' CHECK (availability IN ('ALL', 'APPROVED'));

CREATE TABLE kameng.plugin_tenant_approval (
  plugin_id   text        NOT NULL REFERENCES kameng.plugin_registry (plugin_id),
  tenant_id   uuid        NOT NULL REFERENCES kameng.tenant (id),
  approved_by text        NOT NULL,
  approved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plugin_id, tenant_id)
);
