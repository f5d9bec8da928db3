-- Docking (对接), the upstream side: a shop's downstream resellers buy through the reseller API
-- (docs/docking/reseller-api.md, docs/adr/0012-reseller-api.md). Every table here is a tenant
-- table like the others: tenant_id leads the key, row-level security is enabled and forced.

-- Whether the reseller API shows exact stock counts or bands (none / low / plenty).
ALTER TABLE kameng.tenant
  ADD COLUMN reseller_stock text NOT NULL DEFAULT 'BANDED' CHECK (reseller_stock IN ('EXACT', 'BANDED'));

-- A wholesale rule for every reseller of a level that has no rule of its own. PERCENT_OFF values
-- are basis points (1250 = 12.5 % off); FIXED_OFF values are minor units off each unit.
CREATE TABLE kameng.reseller_level (
  tenant_id      uuid    NOT NULL REFERENCES kameng.tenant (id),
  level          integer NOT NULL CHECK (level BETWEEN 1 AND 9),
  discount_kind  text    NOT NULL CHECK (discount_kind IN ('PERCENT_OFF', 'FIXED_OFF')),
  discount_value bigint  NOT NULL CHECK (discount_value >= 0),
  CHECK (discount_kind <> 'PERCENT_OFF' OR discount_value <= 10000),
  PRIMARY KEY (tenant_id, level)
);

-- A downstream reseller: another shop (here or elsewhere) that buys from this one with a prepaid
-- balance. The balance column is what orders draw down with one conditional UPDATE (never below
-- zero, even under concurrency); the ledger's RESELLER_CREDIT entries for the reseller always sum
-- to it, because both change in the same transactions only.
CREATE TABLE kameng.downstream_reseller (
  tenant_id      uuid        NOT NULL REFERENCES kameng.tenant (id),
  id             uuid        NOT NULL,
  name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  level          integer     NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 9),
  discount_kind  text        CHECK (discount_kind IN ('PERCENT_OFF', 'FIXED_OFF')),
  discount_value bigint      CHECK (discount_value >= 0),
  status         text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  currency       char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  balance_minor  bigint      NOT NULL DEFAULT 0 CHECK (balance_minor >= 0),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((discount_kind IS NULL) = (discount_value IS NULL)),
  CHECK (discount_kind IS DISTINCT FROM 'PERCENT_OFF' OR discount_value <= 10000),
  PRIMARY KEY (tenant_id, id)
);

-- API key pairs. The key id is public; the secret is shown once at creation and kept sealed with
-- the shop's data key, because the server must recompute each request's HMAC. The rate window is
-- counted on the key's own row: one UPDATE both counts and decides.
CREATE TABLE kameng.reseller_api_key (
  tenant_id       uuid        NOT NULL,
  key_id          text        NOT NULL CHECK (key_id ~ '^rk_[a-z0-9]{24}$'),
  reseller_id     uuid        NOT NULL,
  secret          bytea       NOT NULL,
  key_version     integer     NOT NULL,
  rate_per_minute integer     NOT NULL DEFAULT 120 CHECK (rate_per_minute BETWEEN 1 AND 6000),
  window_start    timestamptz NOT NULL DEFAULT now(),
  window_requests integer     NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  last_used_at    timestamptz,
  PRIMARY KEY (tenant_id, key_id),
  FOREIGN KEY (tenant_id, reseller_id) REFERENCES kameng.downstream_reseller (tenant_id, id)
);
CREATE INDEX reseller_api_key_reseller ON kameng.reseller_api_key (tenant_id, reseller_id);

-- Nonces seen within the clock window: a second request with the same key and nonce is a replay.
-- Rows outlive the window a little and are then purged by kameng.purge_reseller_nonces().
CREATE TABLE kameng.reseller_nonce (
  tenant_id  uuid        NOT NULL,
  key_id     text        NOT NULL,
  nonce      text        NOT NULL CHECK (nonce ~ '^[A-Za-z0-9_-]{16,64}$'),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, key_id, nonce),
  FOREIGN KEY (tenant_id, key_id) REFERENCES kameng.reseller_api_key (tenant_id, key_id)
);

-- A reseller's order, by the caller's request id: the same id places one order, ever. The body
-- hash tells a retry (same body: the same order) from a mistake (different body: 409). The row is
-- written before the order, so a concurrent retry waits on its key instead of placing a second one;
-- hence the deferred foreign key.
CREATE TABLE kameng.reseller_order (
  tenant_id   uuid        NOT NULL,
  reseller_id uuid        NOT NULL,
  request_id  text        NOT NULL CHECK (request_id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  body_hash   bytea       NOT NULL CHECK (length(body_hash) = 32),
  order_id    uuid        NOT NULL,
  -- The key that placed the order signs its callback; null for orders placed without one.
  key_id      text,
  -- Where to POST the order's final state (optional); sent through the guarded outbound client.
  callback_url text       CHECK (length(callback_url) <= 500),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, reseller_id, request_id),
  UNIQUE (tenant_id, order_id),
  FOREIGN KEY (tenant_id, reseller_id) REFERENCES kameng.downstream_reseller (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES kameng.customer_order (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);

-- The ledger learns two accounts: money resellers paid in (RESELLER_DEPOSITS, negative like
-- BUYER_PAYMENTS) and what the shop owes them as credit (RESELLER_CREDIT). Entries about one
-- reseller carry its id.
ALTER TABLE kameng.ledger_entry ADD COLUMN reseller_id uuid;
ALTER TABLE kameng.ledger_entry DROP CONSTRAINT ledger_entry_account_check;
ALTER TABLE kameng.ledger_entry ADD CONSTRAINT ledger_entry_account_check
  CHECK (account IN ('BUYER_PAYMENTS', 'TENANT_REVENUE', 'PLATFORM_FEES', 'UPSTREAM_COSTS',
                     'REFUNDS', 'RESELLER_DEPOSITS', 'RESELLER_CREDIT'));
CREATE INDEX ledger_entry_reseller ON kameng.ledger_entry (tenant_id, reseller_id)
  WHERE reseller_id IS NOT NULL;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['reseller_level', 'downstream_reseller', 'reseller_api_key',
    'reseller_nonce', 'reseller_order']
  LOOP
    EXECUTE format('ALTER TABLE kameng.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE kameng.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON kameng.%I
                      USING (tenant_id = kameng.current_tenant())
                      WITH CHECK (tenant_id = kameng.current_tenant())', t);
  END LOOP;
END $$;

-- The purge job runs with no tenant. The owner role may delete expired nonces of every shop, and
-- nothing else; the application role reaches them only through this function (the V11 pattern).
CREATE POLICY purge_expired_for_owner ON kameng.reseller_nonce FOR ALL TO CURRENT_USER
  USING (expires_at < now());
CREATE FUNCTION kameng.purge_reseller_nonces(batch integer) RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH gone AS (
      DELETE FROM kameng.reseller_nonce
       WHERE ctid = ANY (ARRAY(SELECT ctid FROM kameng.reseller_nonce
                                WHERE expires_at < now() LIMIT batch))
      RETURNING 1)
    SELECT count(*)::integer FROM gone
  $$;
REVOKE ALL ON FUNCTION kameng.purge_reseller_nonces(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kameng.purge_reseller_nonces(integer) TO ${appRole};
