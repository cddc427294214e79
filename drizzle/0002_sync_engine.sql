ALTER TYPE "public"."event_kind" ADD VALUE 'details_changed' BEFORE 'anomaly';--> statement-breakpoint
CREATE TABLE "ingest_queue" (
	"topup_id" text PRIMARY KEY NOT NULL,
	"ref" text,
	"customer_ref" text,
	"customer_price" numeric(14, 2),
	"token_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "upstream_call_stats" (
	"minute" timestamp with time zone NOT NULL,
	"operation" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"total_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "upstream_call_stats_minute_operation_pk" PRIMARY KEY("minute","operation")
);
--> statement-breakpoint
ALTER TABLE "ingest_queue" ADD CONSTRAINT "ingest_queue_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "topups_in_flight_idx" ON "topups" USING btree ("upstream_created_at") WHERE "topups"."status" in ('PENDING', 'HANDLING');