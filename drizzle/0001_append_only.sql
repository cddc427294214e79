-- audit_log and topup_events are history: rows are only ever added. Triggers fire for every
-- role, superusers included, so the rule holds whoever connects.
CREATE FUNCTION forbid_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER topup_events_append_only BEFORE UPDATE OR DELETE ON topup_events
  FOR EACH ROW EXECUTE FUNCTION forbid_history_rewrite();
--> statement-breakpoint
CREATE TRIGGER topup_events_no_truncate BEFORE TRUNCATE ON topup_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_history_rewrite();
