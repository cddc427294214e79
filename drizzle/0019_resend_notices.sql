ALTER TABLE "refund_deliveries" DROP CONSTRAINT "refund_deliveries_refund_id_refunds_id_fk";
--> statement-breakpoint
ALTER TABLE "refund_delivery_attempts" DROP CONSTRAINT "refund_delivery_attempts_refund_id_refunds_id_fk";
--> statement-breakpoint
ALTER TABLE "refund_deliveries" ADD COLUMN "event" text DEFAULT 'refund.created' NOT NULL;