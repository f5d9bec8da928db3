-- Verified custom domains are checked again, daily (docs/operations/custom-domains.md): a domain
-- that neither points at the platform nor publishes its token any more stops serving after a run
-- of failed checks, so a lapsed or sold domain does not stay claimed by a shop for ever.
ALTER TABLE kameng.shop_domain
  -- When the platform last checked the domain (the first verification counts as a check).
  ADD COLUMN checked_at     timestamptz,
  -- Failed checks since the last passing one; reset by a pass.
  ADD COLUMN failed_checks  integer NOT NULL DEFAULT 0 CHECK (failed_checks >= 0),
  -- What the last failed check found, for the owner; null after a pass. Platform text, not input.
  ADD COLUMN last_problem   text CHECK (length(last_problem) <= 1000);

-- The token of a verified host, for the platform to answer its own verification path with: a
-- domain that points at the platform proves, at every check, that its owner still sends it here.
-- The token is published by design and proves nothing alone; pending hosts get nothing, so a shop
-- cannot make the platform vouch for a domain it has not verified. Runs as the owner, like
-- shop_serving_host, with the search path pinned.
CREATE FUNCTION kameng.verified_domain_token(requested text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT d.verification_token
      FROM kameng.shop_domain d
     WHERE d.host = lower(requested)
       AND d.status = 'VERIFIED'
  $$;
REVOKE ALL ON FUNCTION kameng.verified_domain_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kameng.verified_domain_token(text) TO ${appRole};
