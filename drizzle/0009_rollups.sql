CREATE TABLE "refund_hourly" (
	"hour" timestamp with time zone PRIMARY KEY NOT NULL,
	"refunds" integer NOT NULL,
	"amount" numeric(14, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_dirty" (
	"kind" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_dirty_kind_hour_pk" PRIMARY KEY("kind","hour")
);
--> statement-breakpoint
CREATE TABLE "topup_hourly" (
	"hour" timestamp with time zone NOT NULL,
	"operator" text NOT NULL,
	"plan_code" text NOT NULL,
	"orders" integer NOT NULL,
	"pending" integer NOT NULL,
	"handling" integer NOT NULL,
	"fulfilled" integer NOT NULL,
	"refunded" integer NOT NULL,
	"unknown" integer NOT NULL,
	"fulfilled_amount" numeric(14, 2) NOT NULL,
	"refunded_amount" numeric(14, 2) NOT NULL,
	"charged_amount" numeric(14, 2) NOT NULL,
	"passed_unknown" integer NOT NULL,
	"unknown_to_fulfilled" integer NOT NULL,
	"unknown_to_refunded" integer NOT NULL,
	"unknown_resolve_ms" bigint NOT NULL,
	CONSTRAINT "topup_hourly_hour_operator_plan_code_pk" PRIMARY KEY("hour","operator","plan_code")
);
--> statement-breakpoint
CREATE TABLE "ttf_hourly" (
	"hour" timestamp with time zone PRIMARY KEY NOT NULL,
	"buckets" integer[] NOT NULL
);
