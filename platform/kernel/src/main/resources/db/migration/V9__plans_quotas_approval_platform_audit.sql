-- What a shop may hold, set by the platform: null means no limit. Counted when something is added.
ALTER TABLE kameng.tenant
  ADD COLUMN plan          text    NOT NULL DEFAULT 'standard' CHECK (plan ~ '^[a-z][a-z0-9-]{1,31}$'),
  ADD COLUMN max_products  integer CHECK (max_products >= 0),
  ADD COLUMN max_card_keys bigint  CHECK (max_card_keys >= 0),
  ADD COLUMN max_staff     integer CHECK (max_staff >= 0);

-- A shop signed up while the platform approves sign-ups waits as PENDING: its owner can prepare it,
-- its storefront takes no orders until a platform admin approves it.
ALTER TABLE kameng.tenant DROP CONSTRAINT tenant_status_check;
ALTER TABLE kameng.tenant ADD CONSTRAINT tenant_status_check
  CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED'));

-- What platform admins did, across shops: append-only for the application.
CREATE TABLE kameng.platform_audit (
  id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor  text        NOT NULL,
  action text        NOT NULL,
  target text        NOT NULL,
  detail jsonb       NOT NULL DEFAULT '{}'::jsonb,
  at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX platform_audit_at ON kameng.platform_audit (at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON kameng.platform_audit FROM ${appRole};

-- Settings of the platform itself, changed by platform admins at run time.
CREATE TABLE kameng.platform_setting (
  name       text        PRIMARY KEY CHECK (name ~ '^[a-z][a-zA-Z0-9.]{1,63}$'),
  value      text        NOT NULL CHECK (length(value) <= 1000),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO kameng.platform_setting (name, value) VALUES ('signup.approval', 'false');
