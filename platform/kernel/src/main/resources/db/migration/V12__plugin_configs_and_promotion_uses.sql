-- Shops' configurations of marketing features and notifiers (issue 4). Kept apart from
-- channel_config, which payments refer to, but stored by the same rules (SealedSettings): the
-- plugin's schema is checked before saving, secret fields are sealed with the shop's data key and
-- only their names are kept in the clear, and every change bumps the revision every instance reads.
-- The plugin id names the kind (marketing-…, notifier-…), so no kind column can disagree with it.
CREATE TABLE kameng.plugin_config (
  tenant_id    uuid        NOT NULL REFERENCES kameng.tenant (id),
  id           uuid        NOT NULL,
  plugin       text        NOT NULL CHECK (plugin ~ '^(marketing|notifier)-[a-z0-9-]{1,54}$'),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  enabled      boolean     NOT NULL DEFAULT true,
  settings     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  secrets      bytea,
  secret_names text[]      NOT NULL DEFAULT '{}',
  revision     bigint      NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX plugin_config_enabled ON kameng.plugin_config (tenant_id, plugin) WHERE enabled;
ALTER TABLE kameng.plugin_config ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_config FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.plugin_config
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());

-- How often a limited promotion (a coupon code) has been used. A price rule proposes a discount
-- with a use limit; the kernel takes one use in the order's own transaction with a conditional
-- increment of this row (uses < max_uses), so concurrent buyers queue on the row lock and exactly
-- max_uses of them get the discount. The limit travels with each use: the plugin's configuration
-- can change it at any time, and the row only counts.
CREATE TABLE kameng.promotion_counter (
  tenant_id  uuid   NOT NULL REFERENCES kameng.tenant (id),
  limit_key  text   NOT NULL CHECK (length(limit_key) BETWEEN 1 AND 200),
  uses       bigint NOT NULL DEFAULT 0 CHECK (uses >= 0),
  PRIMARY KEY (tenant_id, limit_key)
);
ALTER TABLE kameng.promotion_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.promotion_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.promotion_counter
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());

-- Each use, with the order that took it: one per (order, promotion), so a promotion is never
-- counted twice for one order; released (deleted, counter decremented) when the order expires or
-- is cancelled unpaid. buyer_key is a keyed hash of the buyer's email, never the email.
CREATE TABLE kameng.promotion_use (
  tenant_id  uuid        NOT NULL,
  order_id   uuid        NOT NULL,
  limit_key  text        NOT NULL,
  code       text        NOT NULL CHECK (length(code) BETWEEN 1 AND 100),
  buyer_key  text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, order_id, limit_key),
  FOREIGN KEY (tenant_id, order_id) REFERENCES kameng.customer_order (tenant_id, id),
  FOREIGN KEY (tenant_id, limit_key) REFERENCES kameng.promotion_counter (tenant_id, limit_key)
);
CREATE INDEX promotion_use_buyer ON kameng.promotion_use (tenant_id, limit_key, buyer_key);
ALTER TABLE kameng.promotion_use ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.promotion_use FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.promotion_use
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());
