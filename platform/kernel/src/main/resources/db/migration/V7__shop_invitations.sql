-- An owner's invitation of someone without an account to join the shop. Accounts and memberships
-- live in Keycloak; this only holds the pending offer. The token is shown to the owner once; only
-- its hash is kept.
CREATE TABLE kameng.shop_invitation (
  tenant_id   uuid        NOT NULL REFERENCES kameng.tenant (id),
  id          uuid        NOT NULL,
  email       text        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  role        text        NOT NULL CHECK (role IN ('OWNER', 'STAFF')),
  token_hash  bytea       NOT NULL CHECK (length(token_hash) = 32),
  invited_by  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at  timestamptz,
  PRIMARY KEY (tenant_id, id)
);
-- One open invitation per address and shop: inviting again replaces it.
CREATE UNIQUE INDEX shop_invitation_open ON kameng.shop_invitation (tenant_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE UNIQUE INDEX shop_invitation_token ON kameng.shop_invitation (tenant_id, token_hash);
ALTER TABLE kameng.shop_invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.shop_invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.shop_invitation
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());
