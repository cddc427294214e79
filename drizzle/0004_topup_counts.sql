-- Exact per-tab counts (topup_counts), maintained by statement-level triggers with transition
-- tables: one aggregate write per statement, and none at all when no row changed its bucket.
CREATE FUNCTION topup_bucket_rows(status topup_status, refunded_at timestamptz)
RETURNS TABLE (bucket text) LANGUAGE sql IMMUTABLE AS $$
  SELECT status::text
  UNION ALL
  SELECT 'refund_due' WHERE status = 'REFUNDED' AND refunded_at IS NULL
$$;
--> statement-breakpoint
CREATE FUNCTION topup_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO topup_counts (bucket, n)
  SELECT b.bucket, count(*) FROM new_rows r, topup_bucket_rows(r.status, r.refunded_at) b GROUP BY b.bucket
  ON CONFLICT (bucket) DO UPDATE SET n = topup_counts.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION topup_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o.status AS old_status, o.refunded_at AS old_refunded, n.status AS new_status, n.refunded_at AS new_refunded
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.status IS DISTINCT FROM n.status OR (o.refunded_at IS NULL) <> (n.refunded_at IS NULL)
  ), deltas AS (
    SELECT b.bucket, -1 AS d FROM changed c, topup_bucket_rows(c.old_status, c.old_refunded) b
    UNION ALL
    SELECT b.bucket, 1 FROM changed c, topup_bucket_rows(c.new_status, c.new_refunded) b
  )
  INSERT INTO topup_counts (bucket, n)
  SELECT bucket, sum(d) FROM deltas GROUP BY bucket HAVING sum(d) <> 0
  ON CONFLICT (bucket) DO UPDATE SET n = topup_counts.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION topup_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO topup_counts (bucket, n)
  SELECT b.bucket, -count(*) FROM old_rows r, topup_bucket_rows(r.status, r.refunded_at) b GROUP BY b.bucket
  ON CONFLICT (bucket) DO UPDATE SET n = topup_counts.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER topup_counts_insert AFTER INSERT ON topups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION topup_counts_after_insert();
--> statement-breakpoint
CREATE TRIGGER topup_counts_update AFTER UPDATE ON topups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION topup_counts_after_update();
--> statement-breakpoint
CREATE TRIGGER topup_counts_delete AFTER DELETE ON topups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION topup_counts_after_delete();
--> statement-breakpoint
-- Existing rows (an upgrade of a database that already holds orders).
INSERT INTO topup_counts (bucket, n)
SELECT b.bucket, count(*) FROM topups r, topup_bucket_rows(r.status, r.refunded_at) b GROUP BY b.bucket;
