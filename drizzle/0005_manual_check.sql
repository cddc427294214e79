ALTER TYPE "public"."event_kind" ADD VALUE 'checked';--> statement-breakpoint
ALTER TABLE "topups" ADD COLUMN "last_manual_check_at" timestamp with time zone;