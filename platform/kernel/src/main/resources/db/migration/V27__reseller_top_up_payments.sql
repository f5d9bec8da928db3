-- Docking: a downstream reseller tops up its prepaid balance by paying through one of the shop's
-- payment channels (docs/adr/0020-reseller-top-up-payments.md). The payment row the notify
-- pipeline already checks (binding, amount, currency, unique provider event) is reused: it now
-- targets either an order or a top-up, never both and never neither.

-- One attempt to top up through a channel; one payment each. status is PAID once a verified notify
-- (or status query) credited the balance, and PENDING until then, even after pay_by: money that
-- arrives late is still credited, so "expired" is only how the API describes a pending top-up whose
-- window passed.
CREATE TABLE kameng.reseller_top_up (
  tenant_id           uuid        NOT NULL,
  id                  uuid        NOT NULL,
  reseller_id         uuid        NOT NULL,
  -- A short number for the provider's description and for people; unique across the platform.
  number              bigint      GENERATED ALWAYS AS IDENTITY,
  amount_minor        bigint      NOT NULL CHECK (amount_minor BETWEEN 1 AND 10000000000),
  currency            char(3)     NOT NULL,
  status              text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PAID')),
  pay_by              timestamptz NOT NULL,
  balance_after_minor bigint,
  created_at          timestamptz NOT NULL DEFAULT now(),
  paid_at             timestamptz,
  CHECK ((status = 'PAID') = (paid_at IS NOT NULL AND balance_after_minor IS NOT NULL)),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, reseller_id) REFERENCES kameng.downstream_reseller (tenant_id, id)
);
CREATE INDEX reseller_top_up_reseller
  ON kameng.reseller_top_up (tenant_id, reseller_id, created_at DESC);

ALTER TABLE kameng.reseller_top_up ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.reseller_top_up FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.reseller_top_up
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());

ALTER TABLE kameng.payment ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE kameng.payment ADD COLUMN top_up_id uuid;
ALTER TABLE kameng.payment ADD CONSTRAINT payment_one_target
  CHECK ((order_id IS NULL) <> (top_up_id IS NULL));
ALTER TABLE kameng.payment ADD CONSTRAINT payment_top_up_fk
  FOREIGN KEY (tenant_id, top_up_id) REFERENCES kameng.reseller_top_up (tenant_id, id);
CREATE UNIQUE INDEX payment_top_up ON kameng.payment (tenant_id, top_up_id)
  WHERE top_up_id IS NOT NULL;
