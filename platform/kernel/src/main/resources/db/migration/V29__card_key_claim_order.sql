-- The key claim (KeyReservation.claim) takes a SKU's oldest available keys. It ordered them by id,
-- which the primary key (tenant_id, id) also yields, and the planner preferred that: it reads the
-- shop's keys from the lowest id and filters out the ones that are not available. Sold keys stay
-- in the table for good and the claim sells the lowest ids first, so every sold key of the shop
-- lies ahead of the first available one: each claim read all of them (3.4-4.4 ms per claim after
-- about 9,000 sales in the HTTP benchmark, growing with every sale; the statistics cannot show the
-- planner that the available keys all sit at the end).
--
-- Oldest is now by creation time, then id (the order an import inserted them), and only this
-- partial index yields that order: any plan that does not use it must sort every available key of
-- the SKU, which the planner never prefers for a claim of a few keys. The claim then starts at the
-- first available key whatever the shop has sold. Building the index locks the table against
-- writes (imports, orders) for as long as the build takes: seconds per million keys.
CREATE INDEX card_key_claim ON kameng.card_key (tenant_id, sku_id, created_at, id)
  WHERE status = 'AVAILABLE';
DROP INDEX kameng.card_key_available;
