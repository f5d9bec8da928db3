-- A shop's storefront theme and its settings (docs/adr/0011-storefront-themes.md).
--
-- One row per shop at most; a shop without a row shows the platform's default theme with its
-- defaults, so a new shop needs no row. The settings are what the reseller changed, as a JSON
-- object; the server validates them against the theme's theme.json before it stores them, and
-- fills in every setting not stored from the theme's defaults when it renders.
CREATE TABLE kameng.shop_theme (
  tenant_id  uuid        NOT NULL REFERENCES kameng.tenant (id),
  theme      text        NOT NULL CHECK (theme ~ '^[a-z][a-z0-9-]{1,39}$'),
  settings   jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(settings) = 'object'
                                                            AND length(settings::text) <= 16384),
  -- Bumped on every save: the storefront's cache of a shop's rendered settings keys on it.
  version    bigint      NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text        NOT NULL,
  PRIMARY KEY (tenant_id)
);
ALTER TABLE kameng.shop_theme ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.shop_theme FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.shop_theme
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());
