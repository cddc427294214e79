ALTER TYPE "public"."alert_condition" ADD VALUE 'backup_failed';--> statement-breakpoint
ALTER TABLE "alert_seen" ADD COLUMN "last_event_id" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "clear_since" timestamp with time zone;