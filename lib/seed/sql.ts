import {
  CUSTOMER_PRICE_SHARE,
  CUSTOMER_REF_SHARE,
  CUSTOMER_REFUNDED_SHARE,
  DIRECT_REFUND_SHARE,
  HANDLING_SEEN_SHARE,
  KNOWN_MSISDN_ORDERS,
  ODD_AMOUNT_SHARE,
  PLAN_MISMATCH_SHARE,
  PLANS,
  REGULAR_NUMBER_SHARE,
  REGULAR_ORDER_SHARE,
  REQUEST_ID_SHARE,
  ROUND_AMOUNTS,
  SLOW_SHARE,
  SOURCE_SHARES,
  STUCK_SHARE,
  UNKNOWN_REFUND_SHARE,
  UNKNOWN_RESOLVE_MAX_H,
  UNKNOWN_RESOLVE_MIN_H,
  UNKNOWN_SHARE,
  WRONG_NUMBER_SHARE,
} from './mix';

// One batch of seeded orders as a single statement: rows n = $1..$2 of $3 are generated inside
// Postgres from generate_series, and the order, its events and its refund are inserted together
// through data-modifying CTEs (no round trip per row). Every random choice is a hash of
// (n, seed, stream), so the same seed, options and clock give the same orders whatever the batch
// size; a run at another time gives the same mix, placed relative to its own "now".
//
// Parameters: $1 first n, $2 last n, $3 total orders, $4 seed, $5 run, $6 now, $7 window hours,
// $8 hourly CDF, $9 plan CDF, $10 plan codes, $11 operators, $12 number prefixes, $13 plan costs,
// $14 fixed amounts, $15 number pools, $16 amount floors, $17 amount caps, $18 round-amount CDF,
// $19 round amounts, $20 known number, $21–$24 messages (wrong number, plan mismatch, balance
// unavailable, unknown state), $25 suggested offers, $26 UNKNOWN_ERROR recheck ladder (s).

/** Our constants only (never input), checked so nothing but a plain number reaches the SQL. */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return String(x);
}

/** A uniform float in [0, 1) for row n: 53 bits of a 64-bit hash keyed by seed and stream. */
const rnd = (stream: number, row = 'n') =>
  `((hashint8extended(${row}, $4::bigint * 64 + ${num(stream)}) & 9007199254740991)::float8 / 9007199254740992)`;
/** Six hex characters, as in the upstream's `req_<unix>_<suffix>` request ids. */
const hex6 = (stream: number, row = 's.n') =>
  `lpad(to_hex(hashint8extended(${row}, $4::bigint * 64 + ${num(stream)}) & 16777215), 6, '0')`;
const secs = (x: string) => `(${x}) * interval '1 second'`;

const SRC_INGEST = SOURCE_SHARES.ingest;
const SRC_LIST = SRC_INGEST + SOURCE_SHARES['list-sync'];
const MISMATCH_CUT = WRONG_NUMBER_SHARE + (1 - WRONG_NUMBER_SHARE) * PLAN_MISMATCH_SHARE;

export const SEED_BATCH_SQL = `
WITH g AS (
  SELECT n, (n - 1 + ${rnd(0)}) / $3::float8 AS u,
    ${rnd(1)} AS r_plan, ${rnd(2)} AS r_known, ${rnd(3)} AS r_cust, ${rnd(4)} AS r_regular,
    ${rnd(5)} AS r_amount, ${rnd(6)} AS r_odd, ${rnd(7)} AS r_ttf, ${rnd(8)} AS r_slow,
    ${rnd(9)} AS r_seen, ${rnd(10)} AS r_ue, ${rnd(11)} AS r_ue_delay, ${rnd(12)} AS r_outcome,
    ${rnd(13)} AS r_stuck, ${rnd(14)} AS r_refund, ${rnd(15)} AS r_refund_delay,
    ${rnd(16)} AS r_source, ${rnd(17)} AS r_price, ${rnd(18)} AS r_cref, ${rnd(19)} AS r_msg,
    ${rnd(20)} AS r_handling, ${rnd(21)} AS r_ev_source, ${rnd(22)} AS r_next
  FROM generate_series($1::bigint, $2::bigint) AS n
), p AS (
  SELECT g.*,
    CASE WHEN r_known < ${num(KNOWN_MSISDN_ORDERS)} / $3::float8 THEN 1
      ELSE least(width_bucket(r_plan, $9::float8[]), ${num(PLANS.length)}) END AS pi,
    least(width_bucket(u, $8::float8[]), $7::int) AS b,
    CASE WHEN r_slow < ${num(SLOW_SHARE)} THEN 25 + 275 * r_ttf * r_ttf ELSE 5 + 20 * r_ttf END AS ttf_s,
    1 + 3 * r_seen AS seen_s,
    r_ue < ${num(UNKNOWN_SHARE)} AS ue,
    3600 * (${num(UNKNOWN_RESOLVE_MIN_H)} + ${num(UNKNOWN_RESOLVE_MAX_H - UNKNOWN_RESOLVE_MIN_H)} * r_ue_delay) AS ue_delay_s
  FROM g
), q AS MATERIALIZED ( -- once per row: inlined, each use of age_s would redo the CDF lookup
  SELECT p.*,
    -- Hours before now: the row's quantile inside its hourly bucket of the CDF.
    3600 * ($7::int - (b - 1) - (u - ($8::float8[])[b]) / (($8::float8[])[b + 1] - ($8::float8[])[b])) AS age_s,
    seen_s + 0.4 * (ttf_s - seen_s) AS handling_s,
    ($10::text[])[pi] AS plan_code, ($11::text[])[pi] AS operator,
    coalesce(($14::numeric[])[pi], least(greatest(
      CASE WHEN r_odd < ${num(ODD_AMOUNT_SHARE)} THEN (50 + floor(r_amount * 296) * 10)::numeric
        ELSE ($19::numeric[])[least(width_bucket(r_amount, $18::float8[]), ${num(ROUND_AMOUNTS.length)})] END,
      ($16::numeric[])[pi]), ($17::numeric[])[pi])) AS amount,
    -- Customer c of the operator's pool -> 8 digits, c times a multiplier coprime with 10^8:
    -- distinct customers get distinct numbers, scattered over the range.
    CASE WHEN r_known < ${num(KNOWN_MSISDN_ORDERS)} / $3::float8 THEN $20::text
      ELSE '0' || ($12::text[])[pi] || lpad(((floor(r_cust * CASE WHEN r_regular < ${num(REGULAR_ORDER_SHARE)}
        THEN greatest(1, floor(($15::bigint[])[pi] * ${num(REGULAR_NUMBER_SHARE)})) ELSE ($15::bigint[])[pi] END)::bigint
        * 7777777777 + $4::bigint * 7919) % 100000000)::text, 8, '0') END AS msisdn
  FROM p
), st AS (
  SELECT q.*,
    $6::timestamptz - ${secs('age_s')} AS created,
    age_s BETWEEN 300 AND 3600 AND r_stuck < ${num(STUCK_SHARE)} AS stuck,
    CASE
      WHEN age_s BETWEEN 300 AND 3600 AND r_stuck < ${num(STUCK_SHARE)} THEN 'HANDLING'
      WHEN age_s < ttf_s THEN CASE WHEN age_s < handling_s THEN 'PENDING' ELSE 'HANDLING' END
      WHEN ue AND age_s < ttf_s + ue_delay_s THEN 'UNKNOWN_ERROR'
      WHEN r_outcome < CASE WHEN ue THEN ${num(UNKNOWN_REFUND_SHARE)} ELSE ${num(DIRECT_REFUND_SHARE)} END THEN 'REFUNDED'
      ELSE 'FULFILLED' END AS status
  FROM q
), s AS MATERIALIZED ( -- likewise for the status and its times
  SELECT st.*,
    status IN ('PENDING', 'HANDLING') AS in_flight,
    status = 'HANDLING' OR (status <> 'PENDING' AND r_handling < ${num(HANDLING_SEEN_SHARE)}) AS saw_handling,
    created + ${secs('least(seen_s, age_s)')} AS first_seen,
    created + ${secs('handling_s')} AS handling_at,
    CASE WHEN ue AND status NOT IN ('PENDING', 'HANDLING') THEN created + ${secs('ttf_s')} END AS ue_at,
    CASE WHEN status IN ('FULFILLED', 'REFUNDED')
      THEN created + ${secs('ttf_s + CASE WHEN ue THEN ue_delay_s ELSE 0 END')} END AS final_at,
    CASE WHEN status = 'UNKNOWN_ERROR' THEN 'unknownError' WHEN status = 'REFUNDED' THEN
      CASE WHEN r_msg < ${num(WRONG_NUMBER_SHARE)} THEN 'wrongNumber'
        WHEN r_msg < ${num(MISMATCH_CUT)} AND plan_code = 'PREPAID_DJEZZY' THEN 'planMismatch'
        ELSE 'balanceUnavailable' END END AS message_key,
    -- Shaped like the upstream's ObjectId (creation second first); unique by construction:
    -- the run, then n times an odd number modulo 2^48 (a bijection).
    lpad(to_hex(floor(extract(epoch FROM created))::bigint), 8, '0') || lpad(to_hex($5::int), 4, '0')
      || lpad(to_hex((n * 25214903917) & 281474976710655), 12, '0') AS topup_id,
    'seed-' || $5::int || '-' || lpad(n::text, 8, '0') AS ref,
    CASE WHEN r_source < ${num(SRC_INGEST)} THEN 'ingest' WHEN r_source < ${num(SRC_LIST)} THEN 'list-sync' ELSE 'manual' END AS source,
    CASE WHEN r_ev_source < 0.4 THEN 'poll' ELSE 'list-sync' END AS ev_source
  FROM st
), c AS ( -- the checks and the customer refund, which depend on the times above
  SELECT s.*,
    CASE WHEN status = 'REFUNDED' AND r_refund < ${num(CUSTOMER_REFUNDED_SHARE)}
        AND final_at + ${secs('600 + 172200 * r_refund_delay')} <= $6::timestamptz
      THEN final_at + ${secs('600 + 172200 * r_refund_delay')} END AS refunded_at,
    CASE WHEN status = 'UNKNOWN_ERROR' THEN coalesce((SELECT max(ue_at + ${secs('h')})
        FROM unnest($26::int[]) h WHERE ue_at + ${secs('h')} <= $6::timestamptz), ue_at)
      WHEN in_flight THEN greatest(first_seen, $6::timestamptz - ${secs('1 + 4 * r_next')})
      ELSE final_at END AS last_checked,
    -- UNKNOWN_ERROR: the recheck ladder; stuck: backed off; in flight: seconds away.
    CASE WHEN status = 'UNKNOWN_ERROR' THEN (SELECT min(ue_at + ${secs('h')})
        FROM unnest($26::int[]) h WHERE ue_at + ${secs('h')} >= $6::timestamptz + interval '5 seconds')
      WHEN stuck THEN $6::timestamptz + ${secs('60 + 840 * r_next')}
      WHEN in_flight THEN $6::timestamptz + ${secs('5 + 10 * r_next')} END AS next_check,
    to_char(created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_iso
  FROM s
), ins AS (
  INSERT INTO topups (topup_id, ref, status, plan_code, operator, msisdn, topup_amount,
    balance_amount, refund_message, suggested_offers, upstream_created_at, customer_ref,
    customer_price, source, first_seen_at, status_changed_at, finalized_at, unknown_error_at,
    last_checked_at, next_check_at, check_count, stuck, refunded_at, created_at, updated_at)
  SELECT topup_id, ref, status::topup_status,
    plan_code, operator, msisdn, amount, round(amount * ($13::numeric[])[pi], 2),
    CASE message_key WHEN 'wrongNumber' THEN $21::text WHEN 'planMismatch' THEN $22::text
      WHEN 'balanceUnavailable' THEN $23::text WHEN 'unknownError' THEN $24::text END,
    CASE WHEN message_key = 'planMismatch' THEN $25::jsonb END,
    created,
    CASE WHEN r_cref < ${num(CUSTOMER_REF_SHARE)} THEN 'CMD-' || upper(${hex6(45, 'n')}) END,
    CASE WHEN r_price < ${num(CUSTOMER_PRICE_SHARE)} THEN amount + greatest(10, ceil(amount * 0.03 / 10) * 10) END,
    source::event_source, first_seen,
    coalesce(final_at, ue_at, CASE WHEN status = 'HANDLING' THEN handling_at END, first_seen),
    final_at, ue_at,
    last_checked, next_check,
    CASE WHEN in_flight THEN least(1 + floor(age_s / 10), 40)::int WHEN ue THEN 5 ELSE 2 END,
    stuck, refunded_at, first_seen, greatest(last_checked, refunded_at)
  FROM c
  RETURNING id, topup_id, ref, status, plan_code, msisdn, topup_amount, refund_message,
    suggested_offers, upstream_created_at, source, first_seen_at, finalized_at, unknown_error_at,
    refunded_at
), ev AS (
  INSERT INTO topup_events (topup_pk, kind, from_status, to_status, source, actor, request_id, payload, created_at)
  SELECT i.id, e.kind::event_kind, e.from_s::topup_status, e.to_s::topup_status, e.src::event_source, e.actor,
    CASE WHEN e.with_req THEN 'req_' || floor(extract(epoch FROM e.at))::bigint || '_' || e.suffix END,
    -- The top-up as the upstream showed it at that moment (amount as a JSON number).
    jsonb_build_object('_id', i.topup_id, 'ref', i.ref, 'status', e.to_s, 'plan_code', i.plan_code,
      'MSSIDN', i.msisdn, 'topup_amount', trim_scale(i.topup_amount), 'created_at', s.created_iso)
    || CASE e.to_s WHEN 'UNKNOWN_ERROR' THEN jsonb_build_object('refund_message', $24::text)
      WHEN 'REFUNDED' THEN jsonb_strip_nulls(jsonb_build_object('refund_message', i.refund_message,
        'suggested_offers', i.suggested_offers)) ELSE '{}'::jsonb END,
    e.at
  FROM ins i JOIN c s ON s.topup_id = i.topup_id
  CROSS JOIN LATERAL (VALUES
    ('created', NULL, 'PENDING', i.source::text,
      CASE WHEN i.source = 'ingest' THEN 'token:seed-shop' ELSE 'worker:seed' END,
      i.first_seen_at, i.source <> 'ingest', ${hex6(41)}),
    (CASE WHEN s.saw_handling THEN 'status_changed' END, 'PENDING', 'HANDLING', s.ev_source,
      'worker:seed', s.handling_at, ${rnd(46, 's.n')} < ${num(REQUEST_ID_SHARE)}, ${hex6(42)}),
    (CASE WHEN NOT s.in_flight THEN 'status_changed' END,
      CASE WHEN s.saw_handling THEN 'HANDLING' ELSE 'PENDING' END,
      CASE WHEN i.unknown_error_at IS NOT NULL THEN 'UNKNOWN_ERROR' ELSE i.status::text END,
      s.ev_source, 'worker:seed', coalesce(i.unknown_error_at, i.finalized_at),
      ${rnd(47, 's.n')} < ${num(REQUEST_ID_SHARE)}, ${hex6(43)}),
    (CASE WHEN i.unknown_error_at IS NOT NULL AND i.finalized_at IS NOT NULL THEN 'status_changed' END,
      'UNKNOWN_ERROR', i.status::text, 'poll', 'worker:seed', i.finalized_at, true, ${hex6(44)})
  ) e(kind, from_s, to_s, src, actor, at, with_req, suffix)
  WHERE e.kind IS NOT NULL
  RETURNING 1
), rf AS (
  INSERT INTO refunds (topup_pk, amount, created_via, created_at)
  SELECT id, topup_amount, 'seed', refunded_at FROM ins WHERE refunded_at IS NOT NULL
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS orders, (SELECT count(*) FROM ev)::int AS events,
  (SELECT count(*) FROM rf)::int AS refunds`;
