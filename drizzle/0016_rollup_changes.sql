CREATE TABLE "refund_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "refund_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sign" smallint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"state" "refund_state" NOT NULL,
	"amount" numeric(14, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topup_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topup_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sign" smallint NOT NULL,
	"upstream_created_at" timestamp with time zone NOT NULL,
	"operator" text NOT NULL,
	"plan_code" text NOT NULL,
	"status" "topup_status" NOT NULL,
	"topup_amount" numeric(14, 2) NOT NULL,
	"balance_amount" numeric(14, 2),
	"finalized_at" timestamp with time zone,
	"unknown_error_at" timestamp with time zone
);
--> statement-breakpoint
DROP TABLE "rollup_dirty" CASCADE;--> statement-breakpoint
ALTER TABLE "ttf_hourly" ADD COLUMN "orders" integer NOT NULL;