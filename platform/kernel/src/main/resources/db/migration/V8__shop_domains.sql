-- Custom domains of shops (docs/adr/0008-custom-domains.md).
--
-- A tenant table like the others: tenant_id leads the key, row-level security is enabled and
-- forced, so a shop's admin API sees its own domains only. Two things cross tenants, each on
-- purpose and each narrow:
--   * one VERIFIED row per host on the whole platform (a unique index without tenant_id), so a
--     domain serves one shop at most. PENDING rows do not block each other: a shop that adds a
--     domain it does not control cannot hold it hostage; whoever proves control first gets it;
--   * the storefront, which runs with no tenant, finds the shop of a host only through
--     kameng.shop_serving_host(), a SECURITY DEFINER function that answers a tenant id for a
--     verified host and nothing else.
CREATE TABLE kameng.shop_domain (
  tenant_id          uuid        NOT NULL REFERENCES kameng.tenant (id),
  -- Lower case, no trailing dot, no port: the kernel normalises before it stores.
  host               text        NOT NULL CHECK (host = lower(host)
                                                 AND length(host) BETWEEN 4 AND 253
                                                 AND host ~ '^[a-z0-9.-]+$'),
  status             text        NOT NULL DEFAULT 'PENDING'
                                 CHECK (status IN ('PENDING', 'VERIFIED')),
  -- What the shop must publish to prove control. Not a credential (it is published), but random
  -- enough that nobody can publish it before the shop asked for the domain.
  verification_token text        NOT NULL CHECK (length(verification_token) BETWEEN 32 AND 100),
  created_at         timestamptz NOT NULL DEFAULT now(),
  verified_at        timestamptz,
  CHECK ((status = 'VERIFIED') = (verified_at IS NOT NULL)),
  PRIMARY KEY (tenant_id, host)
);

-- One verified shop per host, across tenants. Under Citus this index cannot live on a table
-- distributed by tenant_id; the ADR says what replaces it then.
CREATE UNIQUE INDEX shop_domain_verified_host ON kameng.shop_domain (host)
  WHERE status = 'VERIFIED';

ALTER TABLE kameng.shop_domain ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.shop_domain FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.shop_domain
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());
-- The owner role (which runs this migration, owns the function below and has no BYPASSRLS) may
-- read verified rows of every tenant; nothing else. The application role never gets this policy:
-- it reaches those rows only through the function.
CREATE POLICY verified_hosts_for_owner ON kameng.shop_domain
  FOR SELECT TO CURRENT_USER
  USING (status = 'VERIFIED');

-- The shop a verified host serves, if its shop exists in a state that has a storefront. Runs as
-- the owner; the search path is pinned so a caller cannot substitute objects of its own.
CREATE FUNCTION kameng.shop_serving_host(requested text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT d.tenant_id
      FROM kameng.shop_domain d
      JOIN kameng.tenant t ON t.id = d.tenant_id
     WHERE d.host = lower(requested)
       AND d.status = 'VERIFIED'
       AND t.status IN ('ACTIVE', 'SUSPENDED')
  $$;
REVOKE ALL ON FUNCTION kameng.shop_serving_host(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kameng.shop_serving_host(text) TO ${appRole};
