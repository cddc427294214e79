-- Reports read hourly rollups, recomputed by the background engine for the hours marked here.
-- A change to an order (status, times, amounts) marks its creation hour in the same transaction,
-- so a late change (an UNKNOWN_ERROR settling a day later) corrects the hour it belongs to.

-- Time-to-final histogram buckets: 1 s wide below 60 s, 10 s to 5 min, 1 min to 1 h, then one.
CREATE FUNCTION ttf_bucket(ms double precision) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN ms IS NULL OR ms < 0 THEN NULL
    WHEN ms < 60000 THEN floor(ms / 1000)::int
    WHEN ms < 300000 THEN 60 + floor((ms - 60000) / 10000)::int
    WHEN ms < 3600000 THEN 84 + floor((ms - 300000) / 60000)::int
    ELSE 139
  END
$$;
--> statement-breakpoint
CREATE FUNCTION ttf_histogram(buckets int[]) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg(coalesce(c.n, 0) ORDER BY g)
  FROM generate_series(0, 139) g
  LEFT JOIN (SELECT b, count(*)::int AS n FROM unnest(buckets) b GROUP BY b) c ON c.b = g
$$;
--> statement-breakpoint
CREATE FUNCTION mark_topup_hours_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (kind, hour)
  SELECT DISTINCT 'topups', date_trunc('hour', upstream_created_at, 'UTC') FROM new_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION mark_topup_hours_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (kind, hour)
  SELECT DISTINCT 'topups', h FROM (
    SELECT date_trunc('hour', o.upstream_created_at, 'UTC') AS oh, date_trunc('hour', n.upstream_created_at, 'UTC') AS nh
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status, o.finalized_at, o.unknown_error_at, o.topup_amount, o.balance_amount, o.operator, o.plan_code, o.upstream_created_at)
      IS DISTINCT FROM (n.status, n.finalized_at, n.unknown_error_at, n.topup_amount, n.balance_amount, n.operator, n.plan_code, n.upstream_created_at)
  ) changed, LATERAL (VALUES (oh), (nh)) v(h)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION mark_topup_hours_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (kind, hour)
  SELECT DISTINCT 'topups', date_trunc('hour', upstream_created_at, 'UTC') FROM old_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER topup_hours_insert AFTER INSERT ON topups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mark_topup_hours_insert();
--> statement-breakpoint
CREATE TRIGGER topup_hours_update AFTER UPDATE ON topups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mark_topup_hours_update();
--> statement-breakpoint
CREATE TRIGGER topup_hours_delete AFTER DELETE ON topups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mark_topup_hours_delete();
--> statement-breakpoint
CREATE FUNCTION mark_refund_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO rollup_dirty (kind, hour) VALUES ('refunds', date_trunc('hour', NEW.created_at)) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO rollup_dirty (kind, hour) VALUES ('refunds', date_trunc('hour', OLD.created_at)) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER refund_hours AFTER INSERT OR UPDATE OR DELETE ON refunds
  FOR EACH ROW EXECUTE FUNCTION mark_refund_hours();
--> statement-breakpoint
-- An upgrade of a database that already holds orders: every existing hour needs a first rollup.
INSERT INTO rollup_dirty (kind, hour) SELECT DISTINCT 'topups', date_trunc('hour', upstream_created_at, 'UTC') FROM topups ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO rollup_dirty (kind, hour) SELECT DISTINCT 'refunds', date_trunc('hour', created_at, 'UTC') FROM refunds ON CONFLICT DO NOTHING;
