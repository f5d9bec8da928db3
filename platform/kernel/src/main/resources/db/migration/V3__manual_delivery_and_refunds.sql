-- What staff hand over for a manual line (a top-up confirmation, an account, instructions): shown to
-- the buyer with the order. Sealed like a card key, since it can be a credential.
ALTER TABLE kameng.order_line ADD COLUMN delivery_secret bytea;

-- Why an order was flagged for refund, and by whom.
ALTER TABLE kameng.customer_order ADD COLUMN refund_reason text
  CHECK (length(refund_reason) <= 500);
