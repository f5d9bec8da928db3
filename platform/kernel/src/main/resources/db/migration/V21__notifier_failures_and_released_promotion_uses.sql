-- Auto-disabling a notifier that keeps failing (ADR 0013, docs/plugins/notifiers.md). A delivery
-- that ends without success (parked as a dead job after its retries, or refused for good by the
-- plugin) adds one to failures_in_row; a delivered message sets it back to 0. When it reaches the
-- platform's limit (kameng.notifiers.disable-after, 5 by default) the configuration is disabled,
-- with when and why, and the shop's audit log says so; staff enabling it again clears all three.
ALTER TABLE kameng.plugin_config
  ADD COLUMN failures_in_row integer     NOT NULL DEFAULT 0 CHECK (failures_in_row >= 0),
  ADD COLUMN auto_disabled_at timestamptz,
  ADD COLUMN auto_disabled_reason text CHECK (length(auto_disabled_reason) <= 500);

-- A coupon use given back when its order expired or was cancelled unpaid is kept, marked released,
-- instead of deleted: a payment that arrives after all re-reserves the keys and delivers at the
-- discounted price the buyer paid, so it takes the use again (OrderSettlement). Released uses
-- count towards no limit.
ALTER TABLE kameng.promotion_use ADD COLUMN released_at timestamptz;
