-- The rollups stop recomputing whole dirty hours: from 0017 on they add up a change log instead.
-- They are emptied here and refilled from every existing row by 0017 (0016 adds a NOT NULL column).
DROP TRIGGER topup_hours_insert ON topups;
--> statement-breakpoint
DROP TRIGGER topup_hours_update ON topups;
--> statement-breakpoint
DROP TRIGGER topup_hours_delete ON topups;
--> statement-breakpoint
DROP TRIGGER refund_hours ON refunds;
--> statement-breakpoint
DROP FUNCTION mark_topup_hours_insert();
--> statement-breakpoint
DROP FUNCTION mark_topup_hours_update();
--> statement-breakpoint
DROP FUNCTION mark_topup_hours_delete();
--> statement-breakpoint
DROP FUNCTION mark_refund_hours();
--> statement-breakpoint
TRUNCATE topup_hourly, ttf_hourly, refund_hourly;
