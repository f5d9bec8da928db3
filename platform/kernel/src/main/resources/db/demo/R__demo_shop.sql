-- The demo shop of the one-command run (KAMENG_DEMO=true). Idempotent: re-running the platform keeps
-- whatever the demo reseller changed. Its slug matches the Keycloak organisation alias in
-- deploy/keycloak/kameng-realm.json.
INSERT INTO kameng.tenant (id, slug, name, status, default_currency)
VALUES ('00000000-0000-4000-8000-00000000d3e0', 'demo', 'Demo Shop', 'ACTIVE', 'CNY')
ON CONFLICT (id) DO NOTHING;
