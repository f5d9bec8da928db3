-- How many keys each (tenant, plugin) scope of the plugin store holds, kept by triggers, so the
-- 10,000-key quota (PluginStore.MAX_KEYS) is checked on one row instead of counting the scope's
-- keys on every write (which grew with the store: 0.3 ms to 4.6 ms per sandbox payment in one
-- benchmark run). Rows that expired but are not yet deleted still count; when a scope is full,
-- inserting a new key first deletes the scope's expired rows and then checks again, so a key is
-- refused only when the scope really holds 10,000 live keys.
--
-- Exact under concurrency: a new key takes its place with a conditional update of the scope's
-- row (keys < limit) in the inserting statement's own transaction; concurrent writers of new keys
-- queue on that row lock and re-check the condition, as promotion_counter does. Replacing a key
-- (ON CONFLICT DO UPDATE) is not an insert and does not touch the row.
CREATE TABLE kameng.plugin_store_size (
  tenant_id uuid    NOT NULL REFERENCES kameng.tenant (id),
  plugin_id text    NOT NULL,
  keys      integer NOT NULL CHECK (keys >= 0),
  PRIMARY KEY (tenant_id, plugin_id)
);
ALTER TABLE kameng.plugin_store_size ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_store_size FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.plugin_store_size
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());

-- Statement-level with transition tables: a bulk insert or purge updates each scope's row once,
-- not once per key. In INSERT ... ON CONFLICT DO UPDATE the insert's transition table holds only
-- the rows actually inserted, so a replaced key is not counted.
CREATE FUNCTION kameng.plugin_store_added() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  max_keys CONSTANT integer := 10000;
  scope record;
BEGIN
  FOR scope IN
    SELECT tenant_id, plugin_id, count(*)::integer AS n FROM added GROUP BY tenant_id, plugin_id
  LOOP
    FOR attempt IN 1..2 LOOP
      INSERT INTO kameng.plugin_store_size AS s (tenant_id, plugin_id, keys)
      SELECT scope.tenant_id, scope.plugin_id, scope.n WHERE scope.n <= max_keys
      ON CONFLICT (tenant_id, plugin_id) DO UPDATE SET keys = s.keys + EXCLUDED.keys
        WHERE s.keys + EXCLUDED.keys <= max_keys;
      EXIT WHEN FOUND;
      IF attempt = 2 THEN
        RAISE EXCEPTION 'the plugin store of % holds % keys, its limit', scope.plugin_id, max_keys
          USING ERRCODE = 'KS001';
      END IF;
      -- Full: expired keys still count until deleted. Delete them (plugin_store_removed gives
      -- their places back) and try once more.
      DELETE FROM kameng.plugin_store
       WHERE tenant_id = scope.tenant_id AND plugin_id = scope.plugin_id AND expires_at <= now();
    END LOOP;
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION kameng.plugin_store_removed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kameng.plugin_store_size s SET keys = s.keys - gone.n
    FROM (SELECT tenant_id, plugin_id, count(*)::integer AS n
            FROM removed GROUP BY tenant_id, plugin_id) gone
   WHERE s.tenant_id = gone.tenant_id AND s.plugin_id = gone.plugin_id;
  RETURN NULL;
END $$;

CREATE TRIGGER plugin_store_added AFTER INSERT ON kameng.plugin_store
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kameng.plugin_store_added();
CREATE TRIGGER plugin_store_removed AFTER DELETE ON kameng.plugin_store
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
  EXECUTE FUNCTION kameng.plugin_store_removed();

-- Scopes stored before this version. Row-level security binds the owner too (FORCE); lifted
-- inside this migration's transaction for the backfill only.
ALTER TABLE kameng.plugin_store NO FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_store_size NO FORCE ROW LEVEL SECURITY;
INSERT INTO kameng.plugin_store_size (tenant_id, plugin_id, keys)
SELECT tenant_id, plugin_id, count(*) FROM kameng.plugin_store GROUP BY tenant_id, plugin_id;
ALTER TABLE kameng.plugin_store FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_store_size FORCE ROW LEVEL SECURITY;
