CREATE TYPE "public"."chain_state" AS ENUM('open', 'served', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."credentials_state" AS ENUM('unconfirmed', 'ok', 'refused');--> statement-breakpoint
CREATE TYPE "public"."link_kind" AS ENUM('retry', 'follow');--> statement-breakpoint
CREATE TYPE "public"."quarantine_state" AS ENUM('open', 'resolved', 'dismissed');--> statement-breakpoint
CREATE TABLE "upstream_credentials" (
	"key_fingerprint" text PRIMARY KEY NOT NULL,
	"state" "credentials_state" DEFAULT 'unconfirmed' NOT NULL,
	"refusals" integer DEFAULT 0 NOT NULL,
	"attempts_left" integer,
	"last_error" text,
	"confirmed_at" timestamp with time zone,
	"refused_at" timestamp with time zone,
	"probe_holder" text,
	"probe_until" timestamp with time zone,
	"reset_by" uuid,
	"reset_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_quarantine" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upstream_quarantine_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"fingerprint" text NOT NULL,
	"topup_id" text,
	"raw" jsonb NOT NULL,
	"error" text NOT NULL,
	"source" text NOT NULL,
	"request_id" text,
	"state" "quarantine_state" DEFAULT 'open' NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_count" integer DEFAULT 1 NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text
);
--> statement-breakpoint
DROP INDEX "topups_ref_key";--> statement-breakpoint
DROP INDEX "topups_refund_due_idx";--> statement-breakpoint
ALTER TABLE "topups" ADD COLUMN "parent_pk" bigint;--> statement-breakpoint
ALTER TABLE "topups" ADD COLUMN "link_kind" "link_kind";--> statement-breakpoint
ALTER TABLE "topups" ADD COLUMN "chain_state" "chain_state";--> statement-breakpoint
ALTER TABLE "upstream_credentials" ADD CONSTRAINT "upstream_credentials_reset_by_users_id_fk" FOREIGN KEY ("reset_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upstream_quarantine" ADD CONSTRAINT "upstream_quarantine_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_quarantine_fingerprint_key" ON "upstream_quarantine" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "upstream_quarantine_open_idx" ON "upstream_quarantine" USING btree ("last_seen_at") WHERE "upstream_quarantine"."state" = 'open';--> statement-breakpoint
ALTER TABLE "topups" ADD CONSTRAINT "topups_parent_pk_topups_id_fk" FOREIGN KEY ("parent_pk") REFERENCES "public"."topups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "topups_ref_idx" ON "topups" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "topups_retry_order_idx" ON "topups" USING btree ("retry_order_id") WHERE "topups"."retry_order_id" is not null;--> statement-breakpoint
CREATE INDEX "topups_follow_order_idx" ON "topups" USING btree ("follow_order_id") WHERE "topups"."follow_order_id" is not null;--> statement-breakpoint
CREATE INDEX "topups_parent_idx" ON "topups" USING btree ("parent_pk") WHERE "topups"."parent_pk" is not null;--> statement-breakpoint
CREATE INDEX "topups_refund_due_idx" ON "topups" USING btree ("upstream_created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "topups"."status" = 'REFUNDED' and "topups"."refunded_at" is null and "topups"."parent_pk" is null and ("topups"."chain_state" is null or "topups"."chain_state" = 'refunded');--> statement-breakpoint
-- "Refund due" now looks at the chain (db/enums.ts CHAIN_STATES): an order retried or followed
-- up by OneClick is refunded on its original, and only once every linked order ended REFUNDED.
CREATE FUNCTION topup_refund_due(status topup_status, refunded_at timestamptz, parent_pk bigint, chain chain_state)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status = 'REFUNDED' AND refunded_at IS NULL AND parent_pk IS NULL
     AND (chain IS NULL OR chain = 'refunded')
$$;
--> statement-breakpoint
CREATE FUNCTION topup_buckets(status topup_status, refunded_at timestamptz, parent_pk bigint, chain chain_state)
RETURNS TABLE (bucket text) LANGUAGE sql IMMUTABLE AS $$
  SELECT status::text
  UNION ALL
  SELECT 'refund_due' WHERE topup_refund_due(status, refunded_at, parent_pk, chain)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topup_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO topup_counts (bucket, n)
  SELECT b.bucket, count(*) FROM new_rows r, topup_buckets(r.status, r.refunded_at, r.parent_pk, r.chain_state) b
  GROUP BY b.bucket
  ON CONFLICT (bucket) DO UPDATE SET n = topup_counts.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topup_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o.status AS old_status, n.status AS new_status,
           topup_refund_due(o.status, o.refunded_at, o.parent_pk, o.chain_state) AS old_due,
           topup_refund_due(n.status, n.refunded_at, n.parent_pk, n.chain_state) AS new_due
    FROM old_rows o JOIN new_rows n ON n.id = o.id
  ), deltas AS (
    SELECT old_status::text AS bucket, -1 AS d FROM changed WHERE old_status IS DISTINCT FROM new_status
    UNION ALL
    SELECT new_status::text, 1 FROM changed WHERE old_status IS DISTINCT FROM new_status
    UNION ALL
    SELECT 'refund_due', CASE WHEN new_due THEN 1 ELSE -1 END FROM changed WHERE old_due <> new_due
  )
  INSERT INTO topup_counts (bucket, n)
  SELECT bucket, sum(d) FROM deltas GROUP BY bucket HAVING sum(d) <> 0
  ON CONFLICT (bucket) DO UPDATE SET n = topup_counts.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION topup_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO topup_counts (bucket, n)
  SELECT b.bucket, -count(*) FROM old_rows r, topup_buckets(r.status, r.refunded_at, r.parent_pk, r.chain_state) b
  GROUP BY b.bucket
  ON CONFLICT (bucket) DO UPDATE SET n = topup_counts.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP FUNCTION topup_bucket_rows(topup_status, timestamptz);
