-- Docking (对接), the downstream side: the scheduled price and stock sync of UPSTREAM SKUs
-- (docs/docking/upstream-fulfilment.md, "Price and stock sync").

-- What the last sync saw of a linked SKU's upstream item, and whether the sync took the SKU off
-- sale. closed_reason is set only by the sync, and only when it hid a SKU that was on sale: a SKU
-- staff hid themselves has none, so the sync never puts it back on sale.
ALTER TABLE kameng.upstream_link
  ADD COLUMN upstream_stock bigint CHECK (upstream_stock >= 0),
  ADD COLUMN stock_band     text   CHECK (stock_band IN ('OUT', 'LOW', 'PLENTY', 'UNKNOWN')),
  ADD COLUMN closed_reason  text   CHECK (closed_reason IN
                                     ('UPSTREAM_SOLD_OUT', 'UPSTREAM_PRICE_ABOVE_LOCAL',
                                      'UPSTREAM_ITEM_GONE')),
  ADD COLUMN closed_at      timestamptz,
  ADD COLUMN synced_at      timestamptz;

-- One row per supplier configuration whose items are linked: how its syncs went. The sync itself
-- is a chain of durable jobs (kind upstream.sync), one per run, de-duplicated by run number, so
-- that however many server instances poll the queue a run happens once.
CREATE TABLE kameng.supplier_sync (
  tenant_id          uuid        NOT NULL,
  supplier_config_id uuid        NOT NULL,
  runs               bigint      NOT NULL DEFAULT 0 CHECK (runs >= 0),
  last_at            timestamptz,
  last_ok            boolean,
  -- What the last run found, or why it could not run (the upstream unreachable...).
  last_result        text        CHECK (length(last_result) <= 500),
  checked            integer     NOT NULL DEFAULT 0,
  closed             integer     NOT NULL DEFAULT 0,
  reopened           integer     NOT NULL DEFAULT 0,
  next_at            timestamptz,
  PRIMARY KEY (tenant_id, supplier_config_id),
  FOREIGN KEY (tenant_id, supplier_config_id) REFERENCES kameng.supplier_config (tenant_id, id)
    ON DELETE CASCADE
);
ALTER TABLE kameng.supplier_sync ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.supplier_sync FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.supplier_sync
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());

-- Configurations linked before this version get their first sync now. Row-level security binds
-- the owner too (FORCE); lifted inside this migration's transaction for the backfill only.
ALTER TABLE kameng.upstream_link NO FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.supplier_sync NO FORCE ROW LEVEL SECURITY;
INSERT INTO kameng.supplier_sync (tenant_id, supplier_config_id, next_at)
SELECT DISTINCT tenant_id, supplier_config_id, now() FROM kameng.upstream_link;
INSERT INTO kameng.job (tenant_id, kind, dedupe_key, payload, run_at)
SELECT tenant_id, 'upstream.sync', supplier_config_id || ':1',
       jsonb_build_object('supplier', supplier_config_id::text, 'run', 1), now()
  FROM kameng.supplier_sync;
ALTER TABLE kameng.upstream_link FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.supplier_sync FORCE ROW LEVEL SECURITY;
