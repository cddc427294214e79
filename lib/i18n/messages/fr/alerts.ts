import type { Messages } from '../types';

// TRANSLATE
export const frAlerts: Messages['alerts'] = {
  title: 'Alerts',
  intro:
    'What the desk watches for you, from its own records: an alert opens once when a condition holds, reminds while it holds, and resolves by itself when it clears.',
  bell: 'Alerts',
  bellUnread: '{count, plural, one {Alerts, # new} other {Alerts, # new}}',
  bellEmpty: 'No alerts yet.',
  bellAll: 'All alerts',
  condition: {
    runway: 'Balance runs out soon',
    unknown_backlog: 'UNKNOWN_ERROR orders waiting too long',
    operator_failures: 'Failures rising on {operator}',
    sync_stalled: 'Sync stalled',
    credentials: 'OneClick refuses our calls',
    webhook_failing: 'Refund notices failing',
    reconciliation: 'Yesterday’s refunds do not reconcile',
    ingest_waiting: 'Shop registrations waiting',
  },
  conditionName: {
    runway: 'Balance runway',
    unknown_backlog: 'UNKNOWN_ERROR backlog',
    operator_failures: 'Operator failure rate',
    sync_stalled: 'Sync stalled',
    credentials: 'Key refused or IP blocked',
    webhook_failing: 'Refund webhook failing',
    reconciliation: 'Reconciliation of yesterday',
    ingest_waiting: 'Ingest registrations waiting',
  },
  detail: {
    runway:
      'The OneClick balance of {balance} lasts about {hours} h at the spend rate of the last 3 hours (alert below {threshold} h). Top up the balance before it runs out.',
    unknown_backlog:
      '{count, plural, one {# order has} other {# orders have}} been in UNKNOWN_ERROR for over {threshold} h, the oldest since {oldest}. Send the escalation pack to OneClick support; do not refund them.',
    operator_failures:
      '{operator}: {failed} of {settled} settled orders failed in the last {windowMinutes} minutes ({rate}), against {baseline} at this hour over the last 7 days (alert at {factor}×).',
    sync_stalled:
      'No answer from OneClick for over {threshold} minutes while {inFlight, plural, one {# order is} other {# orders are}} in flight. Last answer: {lastSuccess}.',
    credentials:
      '{problem, select, ip_blocked {OneClick blocks this server’s IP until {until}.} other {OneClick refuses the API key: every upstream call is stopped until an admin re-enables them in Sync health.}} {error}',
    webhook_failing:
      '{count, plural, one {# refund notice has} other {# refund notices have}} not reached the shop’s system for over {threshold} minutes, the oldest since {oldest}. Last error: {lastError}.',
    reconciliation:
      '{day}: {missing, plural, one {# order} other {# orders}} refunded by OneClick without a customer refund ({missingAmount}); {extra, plural, one {# refund} other {# refunds}} recorded on orders that are not REFUNDED ({extraAmount}).',
    ingest_waiting:
      '{count, plural, one {# order registration has} other {# order registrations have}} waited over {threshold} minutes, the oldest since {oldest}. Last error: {lastError}.',
  },
  notice: {
    opened: 'Alert: {title}',
    reminded: 'Still open: {title}',
    resolved: 'Resolved: {title}',
    openedLine: 'Opened {at}.',
    remindedLine: 'Reminder {n}: open since {at}.',
    resolvedLine: 'This no longer holds: resolved {at}, {duration} after it opened.',
    acknowledgedLine: 'Acknowledged by {name} at {at}.',
    link: 'Open the alerts page',
    footer:
      'Sent by Flexy Desk. Admins change thresholds and channels in Settings › Alerts and notifications.',
    testSubject: 'Test from Flexy Desk',
    testBody:
      'This is a test of the {channel} channel, asked by {name}. If you read this, alerts reach you here.',
  },
  state: { open: 'Open', resolved: 'Resolved' },
  column: {
    alert: 'Alert',
    state: 'State',
    opened: 'Opened',
    resolved: 'Resolved',
    reminders: 'Reminders',
    acknowledged: 'Acknowledged',
  },
  filter: {
    state: 'State',
    condition: 'Condition',
    any: 'All',
    apply: 'Filter',
  },
  empty: 'No alerts match. The desk checks every condition every 15 seconds.',
  openCount: '{count, plural, =0 {Nothing open.} one {# alert open.} other {# alerts open.}}',
  acknowledge: 'Acknowledge',
  acknowledging: 'Acknowledging…',
  acknowledgedBy: '{name}, {time}',
  notAcknowledged: 'Not yet',
  acknowledgedToast: 'Acknowledged. Everyone sees who is on it.',
  alreadyAcknowledged: 'Already acknowledged by {name} at {time}.',
  notOpen: 'This alert is resolved: there is nothing to acknowledge.',
  notFound: 'No such alert.',
  older: 'Older alerts',
  settings: {
    title: 'Alerts and notifications',
    intro:
      'Thresholds for each condition, and where alerts go besides the bell. Morning digests go by email at 08:00 Algeria time to managers and finance.',
    conditions: 'Conditions',
    enabled: 'On',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    defaults: 'Default: {value}',
    param: {
      hours: 'Hours',
      minutes: 'Minutes',
      factor: 'Times the baseline',
      minOrders: 'Minimum settled orders',
      windowMinutes: 'Window (minutes)',
      floorRate: 'Lowest baseline (0–1)',
    },
    noParams: 'No threshold: it holds or it does not.',
    channels: 'Channels',
    bellNote: 'The bell: every signed-in manager, finance user and admin sees alerts in the desk.',
    email: 'Email',
    emailRoles: 'Send alerts to',
    emailNoSmtp:
      'Email is off: set SMTP_URL in the configuration (smtp://user:password@host:587) and restart.',
    emailFrom: 'Sent over SMTP from {from}.',
    webhook: 'Webhook',
    webhookUrl: 'Incoming webhook URL',
    webhookHelp:
      'A JSON POST with a `text` field that Slack, Teams and Telegram-style incoming webhooks accept, signed like the refund webhook (X-Flexy-Signature).',
    webhookLocale: 'Language of webhook messages',
    webhookSecret: 'Signing secret',
    webhookSecretHelp: 'Check X-Flexy-Signature with this secret. Saving a new URL keeps it.',
    sendTest: 'Send a test',
    testQueued: 'Test queued: it goes out within a few seconds. Its result shows below.',
    lastTest: 'Last test: {result}',
    testSent: 'sent {time}',
    testFailed: 'failed {time}: {error}',
    testPending: 'waiting to be sent',
  },
  invalid: {
    url: 'The webhook URL must be an http(s) URL without user:password@.',
    number: '{field} must be a number within its range.',
    roles: 'Choose roles from the list.',
    channel: 'Unknown channel.',
    noSmtp: 'Email is not configured: set SMTP_URL first.',
    noWebhook: 'Save a webhook URL first.',
  },
  digest: {
    sentAt: 'Morning digests: last sent for {day}.',
    none: 'Morning digests: none sent yet.',
  },
};
