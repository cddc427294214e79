CREATE TYPE "public"."resend_state" AS ENUM('awaiting_approval', 'sending', 'sent', 'failed', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."event_kind" ADD VALUE 'resend';--> statement-breakpoint
ALTER TYPE "public"."event_source" ADD VALUE 'resend';--> statement-breakpoint
ALTER TYPE "public"."link_kind" ADD VALUE 'resend';--> statement-breakpoint
CREATE TABLE "resends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"original_pk" bigint NOT NULL,
	"ref" text NOT NULL,
	"plan_code" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"cost" numeric(14, 2),
	"state" "resend_state" NOT NULL,
	"approval_reason" text,
	"created_by" uuid,
	"created_via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"sending_at" timestamp with time zone,
	"new_topup_id" text,
	"new_topup_pk" bigint,
	"sent_at" timestamp with time zone,
	"settled_via" text,
	"error_code" text,
	"error_message" text,
	"error_field" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "topups" ADD COLUMN "resend_order_id" text;--> statement-breakpoint
ALTER TABLE "resends" ADD CONSTRAINT "resends_original_pk_topups_id_fk" FOREIGN KEY ("original_pk") REFERENCES "public"."topups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resends" ADD CONSTRAINT "resends_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resends" ADD CONSTRAINT "resends_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resends" ADD CONSTRAINT "resends_new_topup_pk_topups_id_fk" FOREIGN KEY ("new_topup_pk") REFERENCES "public"."topups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resends_original_key" ON "resends" USING btree ("original_pk");--> statement-breakpoint
CREATE UNIQUE INDEX "resends_ref_key" ON "resends" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "resends_sending_idx" ON "resends" USING btree ("sending_at") WHERE "resends"."state" = 'sending';--> statement-breakpoint
CREATE INDEX "resends_created_idx" ON "resends" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "topups_resend_order_idx" ON "topups" USING btree ("resend_order_id") WHERE "topups"."resend_order_id" is not null;