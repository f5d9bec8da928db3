-- The tenant-owned data of the kernel: catalog, card keys, orders, payments, ledger, audit.
--
-- Rules every table here follows (docs/adr/0002-tenancy-shared-schema-rls.md):
--   * tenant_id leads the primary key and every index;
--   * row-level security is enabled and forced, with the policy tenant_isolation comparing
--     tenant_id to kameng.current_tenant(), which reads the transaction's SET LOCAL app.tenant_id;
--   * no tenant set means no rows, not an error.
-- The job queue is the one platform-level table that carries a tenant_id: runners claim work
-- across tenants, then execute each job inside that job's tenant.

ALTER TABLE kameng.tenant
  ADD COLUMN platform_fee_bps integer NOT NULL DEFAULT 0
    CHECK (platform_fee_bps BETWEEN 0 AND 10000),
  ADD COLUMN reservation_minutes integer NOT NULL DEFAULT 15
    CHECK (reservation_minutes BETWEEN 1 AND 1440),
  ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The tenant of the current transaction, or NULL. After a SET LOCAL ends the setting reads as ''
-- rather than NULL, hence the NULLIF.
CREATE FUNCTION kameng.current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Each tenant's data key for card-key encryption, wrapped (AES-GCM) by the platform master key.
CREATE TABLE kameng.tenant_data_key (
  tenant_id   uuid        NOT NULL REFERENCES kameng.tenant (id),
  version     integer     NOT NULL,
  wrapped_key bytea       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, version)
);

CREATE TABLE kameng.category (
  tenant_id  uuid    NOT NULL REFERENCES kameng.tenant (id),
  id         uuid    NOT NULL,
  parent_id  uuid,
  name       text    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  position   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES kameng.category (tenant_id, id)
);

CREATE TABLE kameng.product (
  tenant_id   uuid        NOT NULL REFERENCES kameng.tenant (id),
  id          uuid        NOT NULL,
  category_id uuid,
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text        NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  fulfilment  text        NOT NULL CHECK (fulfilment IN ('CARD_KEY', 'MANUAL', 'UPSTREAM')),
  visible     boolean     NOT NULL DEFAULT true,
  position    integer     NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, category_id) REFERENCES kameng.category (tenant_id, id)
);

-- What a buyer must enter for a product (the game account to top up, ...).
CREATE TABLE kameng.product_input_field (
  tenant_id  uuid    NOT NULL,
  product_id uuid    NOT NULL,
  name       text    NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]{0,39}$'),
  label      text    NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  pattern    text,
  required   boolean NOT NULL DEFAULT true,
  position   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, product_id, name),
  FOREIGN KEY (tenant_id, product_id) REFERENCES kameng.product (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kameng.sku (
  tenant_id           uuid    NOT NULL,
  id                  uuid    NOT NULL,
  product_id          uuid    NOT NULL,
  name                text    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  price_minor         bigint  NOT NULL CHECK (price_minor >= 0),
  currency            char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  cost_minor          bigint  CHECK (cost_minor >= 0),
  min_quantity        integer NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
  max_quantity        integer NOT NULL DEFAULT 100 CHECK (max_quantity >= min_quantity),
  visible             boolean NOT NULL DEFAULT true,
  -- A loop key is sold any number of times: never reserved, never used up.
  loop_key            boolean NOT NULL DEFAULT false,
  low_stock_threshold integer NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
  position            integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, product_id) REFERENCES kameng.product (tenant_id, id)
);

CREATE TABLE kameng.wholesale_tier (
  tenant_id    uuid    NOT NULL,
  sku_id       uuid    NOT NULL,
  min_quantity integer NOT NULL CHECK (min_quantity >= 2),
  price_minor  bigint  NOT NULL CHECK (price_minor >= 0),
  PRIMARY KEY (tenant_id, sku_id, min_quantity),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES kameng.sku (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kameng.customer_order (
  tenant_id           uuid        NOT NULL REFERENCES kameng.tenant (id),
  id                  uuid        NOT NULL,
  -- SHA-256 of the buyer's token (>= 128 random bits): the token itself is never stored.
  token_hash          bytea       NOT NULL,
  display_number      bigint      NOT NULL,
  buyer_email         text        NOT NULL CHECK (length(buyer_email) BETWEEN 3 AND 254),
  buyer_contact       text        CHECK (length(buyer_contact) <= 100),
  query_password_hash text,
  status              text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'DELIVERING',
                        'DELIVERED', 'PARTIALLY_DELIVERED', 'CANCELLED', 'EXPIRED',
                        'PAID_UNDELIVERABLE', 'REFUND_PENDING', 'REFUNDED')),
  currency            char(3)     NOT NULL,
  total_minor         bigint      NOT NULL CHECK (total_minor >= 0),
  reserved_until      timestamptz NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  paid_at             timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash)
);
CREATE SEQUENCE kameng.order_display_number;
CREATE INDEX customer_order_expiry ON kameng.customer_order (tenant_id, reserved_until)
  WHERE status = 'PENDING_PAYMENT';
CREATE INDEX customer_order_email ON kameng.customer_order (tenant_id, buyer_email, created_at);

-- Lines keep an immutable snapshot of what was bought at which price, and why.
CREATE TABLE kameng.order_line (
  tenant_id          uuid    NOT NULL,
  order_id           uuid    NOT NULL,
  line_number        integer NOT NULL,
  sku_id             uuid    NOT NULL,
  fulfilment         text    NOT NULL,
  quantity           integer NOT NULL CHECK (quantity >= 1),
  unit_price_minor   bigint  NOT NULL CHECK (unit_price_minor >= 0),
  line_total_minor   bigint  NOT NULL CHECK (line_total_minor >= 0),
  price_snapshot     jsonb   NOT NULL,
  buyer_inputs       jsonb   NOT NULL DEFAULT '{}'::jsonb,
  delivered_quantity integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, order_id, line_number),
  FOREIGN KEY (tenant_id, order_id) REFERENCES kameng.customer_order (tenant_id, id),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES kameng.sku (tenant_id, id)
);

CREATE TABLE kameng.card_key (
  tenant_id      uuid        NOT NULL,
  id             bigint      GENERATED ALWAYS AS IDENTITY,
  sku_id         uuid        NOT NULL,
  -- HMAC-SHA256 of the normalised key under the tenant's data key: dedupe without plaintext.
  fingerprint    bytea       NOT NULL,
  -- AES-256-GCM: 12-byte nonce || ciphertext || tag, under the tenant's data key.
  secret         bytea       NOT NULL,
  key_version    integer     NOT NULL,
  note           text        CHECK (length(note) <= 500),
  status         text        NOT NULL DEFAULT 'AVAILABLE'
                             CHECK (status IN ('AVAILABLE', 'RESERVED', 'SOLD')),
  order_id       uuid,
  reserved_until timestamptz,
  import_id      uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  sold_at        timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sku_id, fingerprint),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES kameng.sku (tenant_id, id),
  CHECK ((status = 'AVAILABLE') = (order_id IS NULL))
);
-- The claim path: the oldest available keys of one SKU.
CREATE INDEX card_key_available ON kameng.card_key (tenant_id, sku_id, id)
  WHERE status = 'AVAILABLE';
CREATE INDEX card_key_order ON kameng.card_key (tenant_id, order_id) WHERE order_id IS NOT NULL;

-- Keys handed to an order (for loop keys the same key appears in many orders).
CREATE TABLE kameng.order_key (
  tenant_id    uuid        NOT NULL,
  order_id     uuid        NOT NULL,
  line_number  integer     NOT NULL,
  card_key_id  bigint      NOT NULL,
  delivered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, order_id, card_key_id),
  FOREIGN KEY (tenant_id, order_id, line_number)
    REFERENCES kameng.order_line (tenant_id, order_id, line_number),
  FOREIGN KEY (tenant_id, card_key_id) REFERENCES kameng.card_key (tenant_id, id)
);
-- Deleting unsold keys checks this foreign key per key: without the index, per key a scan.
CREATE INDEX order_key_card_key ON kameng.order_key (tenant_id, card_key_id);

CREATE TABLE kameng.card_key_import (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  sku_id      uuid        NOT NULL,
  status      text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
  total_lines integer     NOT NULL DEFAULT 0,
  imported    integer     NOT NULL DEFAULT 0,
  duplicates  integer     NOT NULL DEFAULT 0,
  rejected    integer     NOT NULL DEFAULT 0,
  report      jsonb       NOT NULL DEFAULT '[]'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, sku_id) REFERENCES kameng.sku (tenant_id, id)
);

-- A shop's configured payment channels. 'manual' is built in; plugin channels come later.
CREATE TABLE kameng.channel_config (
  tenant_id  uuid        NOT NULL REFERENCES kameng.tenant (id),
  id         uuid        NOT NULL,
  channel    text        NOT NULL CHECK (channel ~ '^[a-z][a-z0-9-]{1,63}$'),
  name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  enabled    boolean     NOT NULL DEFAULT true,
  settings   jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- Secret settings, encrypted like card keys; never returned by the API.
  secrets    bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE kameng.payment (
  tenant_id          uuid        NOT NULL,
  id                 uuid        NOT NULL,
  order_id           uuid        NOT NULL,
  channel_config_id  uuid        NOT NULL,
  amount_minor       bigint      NOT NULL CHECK (amount_minor >= 0),
  currency           char(3)     NOT NULL,
  status             text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
  provider_reference text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES kameng.customer_order (tenant_id, id),
  FOREIGN KEY (tenant_id, channel_config_id) REFERENCES kameng.channel_config (tenant_id, id)
);
CREATE INDEX payment_order ON kameng.payment (tenant_id, order_id);
CREATE INDEX payment_pending ON kameng.payment (tenant_id, created_at) WHERE status = 'PENDING';

-- Every provider event accepted once: a re-sent notify hits the unique key and changes nothing.
CREATE TABLE kameng.payment_event (
  tenant_id         uuid        NOT NULL,
  channel_config_id uuid        NOT NULL,
  provider_event_id text        NOT NULL CHECK (length(provider_event_id) BETWEEN 1 AND 200),
  payment_id        uuid        NOT NULL,
  outcome           text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'PENDING')),
  amount_minor      bigint      NOT NULL,
  currency          char(3)     NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, channel_config_id, provider_event_id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES kameng.payment (tenant_id, id)
);

-- Append-only, double-entry: the entries of one posting sum to zero per currency.
CREATE TABLE kameng.ledger_entry (
  tenant_id    uuid        NOT NULL,
  id           bigint      GENERATED ALWAYS AS IDENTITY,
  posting_id   uuid        NOT NULL,
  order_id     uuid,
  account      text        NOT NULL CHECK (account IN ('BUYER_PAYMENTS', 'TENANT_REVENUE',
                             'PLATFORM_FEES', 'UPSTREAM_COSTS', 'REFUNDS')),
  amount_minor bigint      NOT NULL,
  currency     char(3)     NOT NULL,
  memo         text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ledger_entry_order ON kameng.ledger_entry (tenant_id, order_id);
CREATE INDEX ledger_entry_posting ON kameng.ledger_entry (tenant_id, posting_id);

CREATE TABLE kameng.audit_log (
  tenant_id  uuid        NOT NULL,
  id         bigint      GENERATED ALWAYS AS IDENTITY,
  actor      text        NOT NULL,
  action     text        NOT NULL,
  subject    text        NOT NULL,
  detail     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  ip         inet,
  at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Platform-level: claimed across tenants with SKIP LOCKED, executed inside the job's tenant.
CREATE TABLE kameng.job (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id    uuid        NOT NULL REFERENCES kameng.tenant (id),
  kind         text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{1,63}$'),
  -- Jobs with the same dedupe key are enqueued once while not finished.
  dedupe_key   text,
  payload      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  status       text        NOT NULL DEFAULT 'READY' CHECK (status IN ('READY', 'RUNNING', 'DONE', 'DEAD')),
  attempts     integer     NOT NULL DEFAULT 0,
  max_attempts integer     NOT NULL DEFAULT 10 CHECK (max_attempts >= 1),
  run_at       timestamptz NOT NULL DEFAULT now(),
  -- Set at each claim; completing a job requires the lease it was claimed with, so a runner whose
  -- lease expired (and whose job was claimed again) cannot complete it a second time.
  lease        uuid,
  locked_until timestamptz,
  last_error   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_due ON kameng.job (run_at) WHERE status IN ('READY', 'RUNNING');
CREATE INDEX job_dead ON kameng.job (updated_at) WHERE status = 'DEAD';
CREATE UNIQUE INDEX job_dedupe ON kameng.job (tenant_id, kind, dedupe_key)
  WHERE dedupe_key IS NOT NULL AND status IN ('READY', 'RUNNING');

-- Row-level security on every tenant table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_data_key', 'category', 'product', 'product_input_field', 'sku',
    'wholesale_tier', 'customer_order', 'order_line', 'card_key', 'order_key', 'card_key_import',
    'channel_config', 'payment', 'payment_event', 'ledger_entry', 'audit_log']
  LOOP
    EXECUTE format('ALTER TABLE kameng.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE kameng.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON kameng.%I
                      USING (tenant_id = kameng.current_tenant())
                      WITH CHECK (tenant_id = kameng.current_tenant())', t);
  END LOOP;
END $$;

-- The ledger and the audit log are append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON kameng.ledger_entry, kameng.audit_log FROM ${appRole};
-- Data keys are written once.
REVOKE UPDATE, DELETE, TRUNCATE ON kameng.tenant_data_key FROM ${appRole};
