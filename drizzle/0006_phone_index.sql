DROP INDEX "topups_msisdn_created_idx";--> statement-breakpoint
CREATE INDEX "topups_msisdn_created_idx" ON "topups" USING btree ("msisdn","upstream_created_at" DESC NULLS LAST,"id" DESC NULLS LAST);