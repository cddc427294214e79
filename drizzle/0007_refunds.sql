CREATE TYPE "public"."delivery_state" AS ENUM('pending', 'delivered', 'not_configured');--> statement-breakpoint
CREATE TYPE "public"."refund_state" AS ENUM('awaiting_approval', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"token_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_token_id_key_pk" PRIMARY KEY("token_id","key")
);
--> statement-breakpoint
CREATE TABLE "refund_deliveries" (
	"refund_id" uuid PRIMARY KEY NOT NULL,
	"state" "delivery_state" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refund_delivery_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "refund_delivery_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"refund_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"latency_ms" integer NOT NULL,
	"error" text,
	"trigger" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "state" "refund_state" DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "approval_reason" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_deliveries" ADD CONSTRAINT "refund_deliveries_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_delivery_attempts" ADD CONSTRAINT "refund_delivery_attempts_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refund_deliveries_due_idx" ON "refund_deliveries" USING btree ("next_attempt_at") WHERE "refund_deliveries"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "refund_delivery_attempts_refund_idx" ON "refund_delivery_attempts" USING btree ("refund_id","at");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refunds_created_idx" ON "refunds" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "refunds_awaiting_idx" ON "refunds" USING btree ("created_at") WHERE "refunds"."state" = 'awaiting_approval';--> statement-breakpoint
-- Webhook attempts are evidence of what the merchant's system was told: append-only too.
CREATE TRIGGER refund_delivery_attempts_append_only BEFORE UPDATE OR DELETE ON refund_delivery_attempts
  FOR EACH ROW EXECUTE FUNCTION forbid_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER refund_delivery_attempts_no_truncate BEFORE TRUNCATE ON refund_delivery_attempts
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_history_rewrite();
