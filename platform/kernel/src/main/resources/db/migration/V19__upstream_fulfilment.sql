-- Docking (对接), the downstream side: a shop buys what it sells from an upstream supplier through a
-- supplier connector (docs/docking/upstream-fulfilment.md). Tenant tables like the others: tenant_id
-- leads the key, row-level security is enabled and forced.

-- A shop's configured supplier connectors (supplier-kameng with the upstream's address and key...).
-- Kept apart from channel_config so that a shop's payment channels and suppliers never mix; the
-- columns and the sealing are those of channel_config (V2, V5).
CREATE TABLE kameng.supplier_config (
  tenant_id    uuid        NOT NULL REFERENCES kameng.tenant (id),
  id           uuid        NOT NULL,
  connector    text        NOT NULL CHECK (connector ~ '^supplier-[a-z0-9]+(-[a-z0-9]+)*$'),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  enabled      boolean     NOT NULL DEFAULT true,
  settings     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- Secret settings, sealed with the shop's data key; never returned by the API.
  secrets      bytea,
  secret_names text[]      NOT NULL DEFAULT '{}',
  revision     bigint      NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- An UPSTREAM SKU is bought from one item of one supplier configuration. The upstream's unit cost
-- when the link was made (or last re-priced) is the most a purchase may pay per unit, and what the
-- ledger books as the cost of a sale.
CREATE TABLE kameng.upstream_link (
  tenant_id          uuid        NOT NULL,
  sku_id             uuid        NOT NULL,
  supplier_config_id uuid        NOT NULL,
  upstream_item_id   text        NOT NULL CHECK (length(upstream_item_id) BETWEEN 1 AND 128),
  cost_minor         bigint      NOT NULL CHECK (cost_minor >= 0),
  currency           char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sku_id),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES kameng.sku (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, supplier_config_id) REFERENCES kameng.supplier_config (tenant_id, id)
);
CREATE INDEX upstream_link_config ON kameng.upstream_link (tenant_id, supplier_config_id);

-- One upstream purchase per paid UPSTREAM order line, written in the paying transaction. Its key
-- (the order line) is the idempotency key sent upstream: one line never buys twice. PLACED means an
-- order may exist upstream: every later attempt queries before it places again.
CREATE TABLE kameng.upstream_purchase (
  tenant_id          uuid        NOT NULL,
  order_id           uuid        NOT NULL,
  line_number        integer     NOT NULL,
  supplier_config_id uuid,
  upstream_item_id   text,
  quantity           integer     NOT NULL CHECK (quantity >= 1),
  max_unit_minor     bigint      CHECK (max_unit_minor >= 0),
  currency           char(3)     NOT NULL,
  status             text        NOT NULL DEFAULT 'QUEUED'
                                 CHECK (status IN ('QUEUED', 'PLACED', 'DELIVERED', 'FAILED')),
  upstream_order_id  text        CHECK (length(upstream_order_id) <= 128),
  polls              integer     NOT NULL DEFAULT 0,
  last_result        text        CHECK (length(last_result) <= 500),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, order_id, line_number),
  FOREIGN KEY (tenant_id, order_id, line_number)
    REFERENCES kameng.order_line (tenant_id, order_id, line_number),
  FOREIGN KEY (tenant_id, supplier_config_id) REFERENCES kameng.supplier_config (tenant_id, id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['supplier_config', 'upstream_link', 'upstream_purchase']
  LOOP
    EXECUTE format('ALTER TABLE kameng.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE kameng.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON kameng.%I
                      USING (tenant_id = kameng.current_tenant())
                      WITH CHECK (tenant_id = kameng.current_tenant())', t);
  END LOOP;
END $$;
