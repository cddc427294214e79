-- Refund hours are UTC hours whatever the session's time zone (as for top-up hours).
CREATE OR REPLACE FUNCTION mark_refund_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO rollup_dirty (kind, hour) VALUES ('refunds', date_trunc('hour', NEW.created_at, 'UTC')) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO rollup_dirty (kind, hour) VALUES ('refunds', date_trunc('hour', OLD.created_at, 'UTC')) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
