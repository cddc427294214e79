-- The rollups follow the changes, not the hours: statement triggers log what the rollups count
-- of every changed row into topup_changes / refund_changes, in the same transaction — the row's
-- facts as they were (sign -1) and as they are (+1). The refresh (db/queries/rollups.ts) takes
-- the log oldest first and adds what it contributes into the rollups, so catching up costs what
-- changed, whatever the size of the tables. What a row contributes is defined there, once.

-- A histogram of signed counts: element b + 1 adds up the weights of bucket b (ttf_bucket; a NULL
-- bucket counts nowhere), as ttf_histogram does with a weight of 1 each.
CREATE FUNCTION ttf_histogram(buckets int[], weights int[]) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg(coalesce(c.n, 0) ORDER BY g)
  FROM generate_series(0, 139) g
  LEFT JOIN (SELECT b, sum(w)::int AS n FROM unnest(buckets, weights) u(b, w) GROUP BY b) c ON c.b = g
$$;
--> statement-breakpoint
-- Two histograms added element by element.
CREATE FUNCTION int_array_add(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY u(x, y, i)
$$;
--> statement-breakpoint
CREATE FUNCTION log_topup_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO topup_changes (sign, upstream_created_at, operator, plan_code, status, topup_amount, balance_amount,
    finalized_at, unknown_error_at)
  SELECT 1, upstream_created_at, operator, plan_code, status, topup_amount, balance_amount, finalized_at, unknown_error_at
  FROM new_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only rows whose counted facts changed: the engine's bookkeeping updates log nothing.
CREATE FUNCTION log_topup_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO topup_changes (sign, upstream_created_at, operator, plan_code, status, topup_amount, balance_amount,
    finalized_at, unknown_error_at)
  SELECT c.* FROM old_rows o JOIN new_rows n ON n.id = o.id,
    LATERAL (VALUES
      (-1, o.upstream_created_at, o.operator, o.plan_code, o.status, o.topup_amount, o.balance_amount, o.finalized_at, o.unknown_error_at),
      (1, n.upstream_created_at, n.operator, n.plan_code, n.status, n.topup_amount, n.balance_amount, n.finalized_at, n.unknown_error_at)
    ) c
  WHERE (o.upstream_created_at, o.operator, o.plan_code, o.status, o.topup_amount, o.balance_amount, o.finalized_at, o.unknown_error_at)
    IS DISTINCT FROM (n.upstream_created_at, n.operator, n.plan_code, n.status, n.topup_amount, n.balance_amount, n.finalized_at, n.unknown_error_at);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION log_topup_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO topup_changes (sign, upstream_created_at, operator, plan_code, status, topup_amount, balance_amount,
    finalized_at, unknown_error_at)
  SELECT -1, upstream_created_at, operator, plan_code, status, topup_amount, balance_amount, finalized_at, unknown_error_at
  FROM old_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER topup_changes_insert AFTER INSERT ON topups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION log_topup_inserts();
--> statement-breakpoint
CREATE TRIGGER topup_changes_update AFTER UPDATE ON topups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION log_topup_updates();
--> statement-breakpoint
CREATE TRIGGER topup_changes_delete AFTER DELETE ON topups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION log_topup_deletes();
--> statement-breakpoint
CREATE FUNCTION log_refund_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO refund_changes (sign, created_at, state, amount) SELECT 1, created_at, state, amount FROM new_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION log_refund_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO refund_changes (sign, created_at, state, amount)
  SELECT c.* FROM old_rows o JOIN new_rows n ON n.id = o.id,
    LATERAL (VALUES (-1, o.created_at, o.state, o.amount), (1, n.created_at, n.state, n.amount)) c
  WHERE (o.created_at, o.state, o.amount) IS DISTINCT FROM (n.created_at, n.state, n.amount);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION log_refund_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO refund_changes (sign, created_at, state, amount) SELECT -1, created_at, state, amount FROM old_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER refund_changes_insert AFTER INSERT ON refunds REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION log_refund_inserts();
--> statement-breakpoint
CREATE TRIGGER refund_changes_update AFTER UPDATE ON refunds REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION log_refund_updates();
--> statement-breakpoint
CREATE TRIGGER refund_changes_delete AFTER DELETE ON refunds REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION log_refund_deletes();
--> statement-breakpoint
-- An upgrade of a database that already holds orders: every existing row is one change to add
-- into the emptied rollups (0015). The worker catches up on its own; rebuildRollups does it at once.
INSERT INTO topup_changes (sign, upstream_created_at, operator, plan_code, status, topup_amount, balance_amount,
  finalized_at, unknown_error_at)
SELECT 1, upstream_created_at, operator, plan_code, status, topup_amount, balance_amount, finalized_at, unknown_error_at
FROM topups;
--> statement-breakpoint
INSERT INTO refund_changes (sign, created_at, state, amount) SELECT 1, created_at, state, amount FROM refunds;
