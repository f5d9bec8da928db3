-- Docking (对接), the downstream side: the pricing rule of an UPSTREAM SKU is stored on its link,
-- so the scheduled sync re-prices it from the upstream's cost (docs/docking/upstream-fulfilment.md,
-- "Pricing rules and re-pricing").

-- markup_kind / markup_value are Markup's (PERCENT in basis points, FIXED and FIXED_PRICE in minor
-- units); floor_margin_minor is the least the shop keeps per unit above the upstream cost after the
-- platform's fee. repriced_at / repriced_from_minor describe the sync's last price change.
ALTER TABLE kameng.upstream_link
  ADD COLUMN markup_kind         text   NOT NULL DEFAULT 'FIXED_PRICE'
                                        CHECK (markup_kind IN ('PERCENT', 'FIXED', 'FIXED_PRICE')),
  ADD COLUMN markup_value        bigint NOT NULL DEFAULT 0 CHECK (markup_value >= 0),
  ADD COLUMN floor_margin_minor  bigint NOT NULL DEFAULT 0 CHECK (floor_margin_minor >= 0),
  ADD COLUMN repriced_at         timestamptz,
  ADD COLUMN repriced_from_minor bigint;

ALTER TABLE kameng.supplier_sync
  ADD COLUMN repriced integer NOT NULL DEFAULT 0;

-- Links made before this version: no rule was kept, so each keeps the price it has (a fixed price),
-- which is what the sync did with them until now. Row-level security binds the owner too (FORCE);
-- lifted inside this migration's transaction for the backfill only.
ALTER TABLE kameng.upstream_link NO FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.sku NO FORCE ROW LEVEL SECURITY;
UPDATE kameng.upstream_link l SET markup_value = s.price_minor
  FROM kameng.sku s WHERE s.tenant_id = l.tenant_id AND s.id = l.sku_id;
ALTER TABLE kameng.upstream_link FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.sku FORCE ROW LEVEL SECURITY;
