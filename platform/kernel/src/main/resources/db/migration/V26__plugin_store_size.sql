-- How many keys each (tenant, plugin) scope of the plugin store holds, kept by triggers, so the
-- 10,000-key quota (PluginStore.MAX_KEYS) is checked on one row instead of counting the scope's
-- keys on every write (which grew with the store: 0.3 ms to 4.6 ms per sandbox payment in one
-- benchmark run). Rows that expired but are not yet deleted still count; when a scope is full,
-- inserting a new key first deletes the scope's expired rows and then checks again, so a key is
-- refused only when the scope really holds 10,000 live keys.
--
-- Exact under concurrency, without making writers queue: a scope's size is kept in 16 stripe
-- rows of at most 10,000 / 16 = 625 places each, so together they hold at most 10,000. A new key
-- takes a place in a stripe with room, preferring one no other writer holds (SKIP LOCKED), and
-- waits for a locked one only when no unlocked stripe has room; it is refused only when every
-- stripe is full, i.e. when the scope holds 10,000 keys. A deleted key gives a place back in any
-- stripe with places taken: only the sum counts. (With a single counter row every new key of a
-- shop queued behind the previous one's commit: 3 ms of lock wait per sandbox payment with 8
-- buyers.) Replacing a key (ON CONFLICT DO UPDATE) is not an insert and takes no place.
CREATE TABLE kameng.plugin_store_size (
  tenant_id uuid     NOT NULL REFERENCES kameng.tenant (id),
  plugin_id text     NOT NULL,
  stripe    smallint NOT NULL CHECK (stripe BETWEEN 0 AND 15),
  keys      integer  NOT NULL CHECK (keys BETWEEN 0 AND 625),
  PRIMARY KEY (tenant_id, plugin_id, stripe)
);
ALTER TABLE kameng.plugin_store_size ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_store_size FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.plugin_store_size
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());

-- Takes (wanted > 0) or gives back (wanted < 0) places of one scope; returns how many it could
-- not (0: all). Each row is locked before its count is read, so the count is current.
CREATE FUNCTION kameng.plugin_store_places(scope_tenant uuid, scope_plugin text, wanted integer)
  RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  per_stripe CONSTANT integer := 625;
  chosen smallint;
  held integer;
  step integer;
  waiting boolean := false;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM kameng.plugin_store_size
                  WHERE tenant_id = scope_tenant AND plugin_id = scope_plugin AND stripe = 15) THEN
    INSERT INTO kameng.plugin_store_size (tenant_id, plugin_id, stripe, keys)
    SELECT scope_tenant, scope_plugin, n, 0 FROM generate_series(0, 15) n
    ON CONFLICT DO NOTHING;
  END IF;
  WHILE wanted <> 0 LOOP
    IF waiting THEN
      SELECT stripe, keys INTO chosen, held FROM kameng.plugin_store_size
       WHERE tenant_id = scope_tenant AND plugin_id = scope_plugin
         AND CASE WHEN wanted > 0 THEN keys < per_stripe ELSE keys > 0 END
       ORDER BY stripe LIMIT 1 FOR UPDATE;
    ELSE
      SELECT stripe, keys INTO chosen, held FROM kameng.plugin_store_size
       WHERE tenant_id = scope_tenant AND plugin_id = scope_plugin
         AND CASE WHEN wanted > 0 THEN keys < per_stripe ELSE keys > 0 END
       ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED;
    END IF;
    IF NOT FOUND THEN
      -- Waiting, a row that no longer matches once its lock is granted returns nothing: look
      -- again with a new snapshot, and stop only when no stripe has what is wanted.
      IF waiting AND NOT EXISTS (
          SELECT 1 FROM kameng.plugin_store_size
           WHERE tenant_id = scope_tenant AND plugin_id = scope_plugin
             AND CASE WHEN wanted > 0 THEN keys < per_stripe ELSE keys > 0 END) THEN
        RETURN wanted;
      END IF;
      waiting := true;
      CONTINUE;
    END IF;
    step := CASE WHEN wanted > 0 THEN least(wanted, per_stripe - held)
                 ELSE greatest(wanted, -held) END;
    UPDATE kameng.plugin_store_size SET keys = keys + step
     WHERE tenant_id = scope_tenant AND plugin_id = scope_plugin AND stripe = chosen;
    wanted := wanted - step;
    waiting := false;
  END LOOP;
  RETURN 0;
END $$;

-- Statement-level with transition tables: a bulk insert or purge moves each scope's places once,
-- not once per key. In INSERT ... ON CONFLICT DO UPDATE the insert's transition table holds only
-- the rows actually inserted, so a replaced key takes no place.
CREATE FUNCTION kameng.plugin_store_added() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  scope record;
  missing integer;
BEGIN
  FOR scope IN
    SELECT tenant_id, plugin_id, count(*)::integer AS n FROM added GROUP BY tenant_id, plugin_id
  LOOP
    missing := kameng.plugin_store_places(scope.tenant_id, scope.plugin_id, scope.n);
    IF missing > 0 THEN
      -- Full: expired keys still count until deleted. Delete them (plugin_store_removed gives
      -- their places back) and try once more.
      DELETE FROM kameng.plugin_store
       WHERE tenant_id = scope.tenant_id AND plugin_id = scope.plugin_id AND expires_at <= now();
      missing := kameng.plugin_store_places(scope.tenant_id, scope.plugin_id, missing);
      IF missing > 0 THEN
        RAISE EXCEPTION 'the plugin store of % holds 10000 keys, its limit', scope.plugin_id
          USING ERRCODE = 'KS001';
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION kameng.plugin_store_removed() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  scope record;
BEGIN
  FOR scope IN
    SELECT tenant_id, plugin_id, count(*)::integer AS n FROM removed GROUP BY tenant_id, plugin_id
  LOOP
    PERFORM kameng.plugin_store_places(scope.tenant_id, scope.plugin_id, -scope.n);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER plugin_store_added AFTER INSERT ON kameng.plugin_store
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kameng.plugin_store_added();
CREATE TRIGGER plugin_store_removed AFTER DELETE ON kameng.plugin_store
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
  EXECUTE FUNCTION kameng.plugin_store_removed();

-- Scopes stored before this version, their keys spread over the stripes. Row-level security binds
-- the owner too (FORCE); lifted inside this migration's transaction for the backfill only.
ALTER TABLE kameng.plugin_store NO FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_store_size NO FORCE ROW LEVEL SECURITY;
INSERT INTO kameng.plugin_store_size (tenant_id, plugin_id, stripe, keys)
SELECT s.tenant_id, s.plugin_id, n, greatest(0, least(625, s.keys - 625 * n))
  FROM (SELECT tenant_id, plugin_id, count(*)::integer AS keys
          FROM kameng.plugin_store GROUP BY tenant_id, plugin_id) s,
       generate_series(0, 15) n;
ALTER TABLE kameng.plugin_store FORCE ROW LEVEL SECURITY;
ALTER TABLE kameng.plugin_store_size FORCE ROW LEVEL SECURITY;
