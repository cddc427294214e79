CREATE TABLE "topup_counts" (
	"bucket" text PRIMARY KEY NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "topups" ADD COLUMN "refunded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "topups_amount_idx" ON "topups" USING btree ("topup_amount","id");--> statement-breakpoint
CREATE INDEX "topups_status_amount_idx" ON "topups" USING btree ("status","topup_amount","id");--> statement-breakpoint
CREATE INDEX "topups_refund_due_idx" ON "topups" USING btree ("upstream_created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "topups"."status" = 'REFUNDED' and "topups"."refunded_at" is null;--> statement-breakpoint
CREATE INDEX "topups_unknown_idx" ON "topups" USING btree ("unknown_error_at","id") WHERE "topups"."status" = 'UNKNOWN_ERROR';