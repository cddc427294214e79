CREATE TYPE "public"."audit_outcome" AS ENUM('ok', 'denied', 'invalid', 'error');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('created', 'status_changed', 'anomaly', 'check_error', 'note');--> statement-breakpoint
CREATE TYPE "public"."event_source" AS ENUM('list-sync', 'poll', 'manual', 'ingest', 'system');--> statement-breakpoint
CREATE TYPE "public"."topup_status" AS ENUM('PENDING', 'HANDLING', 'FULFILLED', 'REFUNDED', 'UNKNOWN_ERROR');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'finance', 'support', 'manager');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_email" text,
	"actor_role" "user_role",
	"action" text NOT NULL,
	"outcome" "audit_outcome" NOT NULL,
	"target_type" text,
	"target_id" text,
	"details" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topup_pk" bigint NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"reason" text,
	"note" text,
	"created_by" uuid,
	"created_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topup_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topup_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topup_pk" bigint NOT NULL,
	"kind" "event_kind" NOT NULL,
	"from_status" "topup_status",
	"to_status" "topup_status",
	"source" "event_source" NOT NULL,
	"actor_user_id" uuid,
	"actor" text NOT NULL,
	"request_id" text,
	"message" text,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topup_id" text NOT NULL,
	"ref" text,
	"status" "topup_status" NOT NULL,
	"plan_code" text NOT NULL,
	"operator" text NOT NULL,
	"msisdn" text NOT NULL,
	"topup_amount" numeric(14, 2) NOT NULL,
	"balance_amount" numeric(14, 2),
	"refund_message" text,
	"suggested_offers" jsonb,
	"follow_order_id" text,
	"retry_order_id" text,
	"upstream_created_at" timestamp with time zone NOT NULL,
	"customer_ref" text,
	"customer_price" numeric(14, 2),
	"source" "event_source" NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_at" timestamp with time zone,
	"unknown_error_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"check_count" integer DEFAULT 0 NOT NULL,
	"consecutive_errors" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"stuck" boolean DEFAULT false NOT NULL,
	"needs_review" boolean DEFAULT false NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"last_failed_login_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_topup_pk_topups_id_fk" FOREIGN KEY ("topup_pk") REFERENCES "public"."topups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topup_events" ADD CONSTRAINT "topup_events_topup_pk_topups_id_fk" FOREIGN KEY ("topup_pk") REFERENCES "public"."topups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topup_events" ADD CONSTRAINT "topup_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_topup_key" ON "refunds" USING btree ("topup_pk");--> statement-breakpoint
CREATE INDEX "topup_events_topup_idx" ON "topup_events" USING btree ("topup_pk","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "topups_topup_id_key" ON "topups" USING btree ("topup_id");--> statement-breakpoint
CREATE UNIQUE INDEX "topups_ref_key" ON "topups" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "topups_due_idx" ON "topups" USING btree ("next_check_at") WHERE "topups"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "topups_msisdn_created_idx" ON "topups" USING btree ("msisdn","upstream_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "topups_created_idx" ON "topups" USING btree ("upstream_created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "topups_status_created_idx" ON "topups" USING btree ("status","upstream_created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));