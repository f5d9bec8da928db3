-- Payment outcomes across every shop, for the platform's health view: counts by channel and state
-- only, never a shop, an order or an amount.
--
-- The application role cannot read other shops' rows, and neither can the owner role (row-level
-- security is forced and it has no BYPASSRLS). These two policies let the owner role read payments
-- and channel configurations only while kameng.aggregate is on, which the function below turns on
-- for its query and off again. The application role may set that name too, but the policies are
-- not its: it reaches these rows only through the function.
CREATE POLICY aggregate_for_owner ON kameng.payment FOR SELECT TO CURRENT_USER
  USING (current_setting('kameng.aggregate', true) = 'on');
CREATE POLICY aggregate_for_owner ON kameng.channel_config FOR SELECT TO CURRENT_USER
  USING (current_setting('kameng.aggregate', true) = 'on');

CREATE FUNCTION kameng.payment_outcomes(since timestamptz)
  RETURNS TABLE (channel text, status text, payments bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM set_config('kameng.aggregate', 'on', true);
  RETURN QUERY
    SELECT cc.channel, p.status, count(*)
      FROM kameng.payment p
      JOIN kameng.channel_config cc
        ON cc.tenant_id = p.tenant_id AND cc.id = p.channel_config_id
     WHERE p.created_at >= since
     GROUP BY cc.channel, p.status;
  PERFORM set_config('kameng.aggregate', '', true);
END
$$;
REVOKE ALL ON FUNCTION kameng.payment_outcomes(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kameng.payment_outcomes(timestamptz) TO ${appRole};
