-- The demo shop of the one-command run (KAMENG_DEMO=true). Idempotent: re-running the platform keeps
-- whatever the demo reseller changed. Its slug matches the Keycloak organisation alias in
-- deploy/keycloak/kameng-realm.json. Card keys are added by the server (they are encrypted with
-- the shop's data key), see DemoStock.
INSERT INTO kameng.tenant (id, slug, name, status, default_currency)
VALUES ('00000000-0000-4000-8000-00000000d3e0', 'demo', 'Demo Shop', 'ACTIVE', 'CNY')
ON CONFLICT (id) DO NOTHING;

-- Row-level security applies to the owner too: act as the demo shop for the rest of this script.
SELECT set_config('app.tenant_id', '00000000-0000-4000-8000-00000000d3e0', true);

INSERT INTO kameng.category (tenant_id, id, name, position) VALUES
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000c0001', '游戏点卡 Game cards', 1),
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000c0002', '会员充值 Memberships', 2)
ON CONFLICT DO NOTHING;

INSERT INTO kameng.product (tenant_id, id, category_id, name, description, fulfilment, position) VALUES
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000d0001',
   '00000000-0000-4000-8000-0000000c0001', 'Steam 钱包充值卡 Steam Wallet Card',
   'Delivered instantly after payment.', 'CARD_KEY', 1),
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000d0002',
   '00000000-0000-4000-8000-0000000c0002', '视频会员月卡 Video membership (1 month)',
   'We top up the account you name within 10 minutes.', 'MANUAL', 2)
ON CONFLICT DO NOTHING;

INSERT INTO kameng.sku (tenant_id, id, product_id, name, price_minor, currency, cost_minor,
                        min_quantity, max_quantity, low_stock_threshold, position) VALUES
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000e0001',
   '00000000-0000-4000-8000-0000000d0001', '¥50', 4850, 'CNY', 4600, 1, 10, 5, 1),
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000e0002',
   '00000000-0000-4000-8000-0000000d0001', '¥100', 9650, 'CNY', 9200, 1, 10, 5, 2),
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000e0003',
   '00000000-0000-4000-8000-0000000d0002', '1 month', 1500, 'CNY', NULL, 1, 1, 0, 1)
ON CONFLICT DO NOTHING;

INSERT INTO kameng.wholesale_tier (tenant_id, sku_id, min_quantity, price_minor) VALUES
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000e0001', 5, 4750)
ON CONFLICT DO NOTHING;

INSERT INTO kameng.product_input_field (tenant_id, product_id, name, label, pattern, required) VALUES
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000d0002', 'account',
   'Account (phone number)', '^1[3-9][0-9]{9}$', true)
ON CONFLICT DO NOTHING;

INSERT INTO kameng.channel_config (tenant_id, id, channel, name) VALUES
  ('00000000-0000-4000-8000-00000000d3e0', '00000000-0000-4000-8000-0000000f0001', 'manual',
   'Pay the shop directly (staff confirms)')
ON CONFLICT DO NOTHING;
