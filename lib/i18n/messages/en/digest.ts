// Part of the English reference catalogue (see ./index.ts): the morning digest emails
// (lib/digests/render.ts). Dates, rates, hours and amounts come formatted.
export const enDigest = {
  manager: {
    subject: 'Manager digest for {date}: fulfilment {rate}, 7-day average {week}',
    title: 'Manager digest',
    rates: 'Fulfilment yesterday, against the 7 days before',
    ratesHelp:
      'A rate is the share of settled orders (fulfilled, refunded or unknown error) that were fulfilled; orders still pending count in none.',
    placed:
      '{count, plural, =0 {No order was placed yesterday.} one {# order was placed yesterday.} other {# orders were placed yesterday.}}',
    operator: 'Operator',
    yesterday: 'Yesterday',
    week: '7-day average',
    all: 'All operators',
    other: 'Other',
    settledOf:
      '{settled, plural, =0 {nothing settled} one {{fulfilled, number} of # settled} other {{fulfilled, number} of # settled}}',
    unknown: 'Unknown-error backlog now',
    unknownWaiting: 'Waiting on OneClick',
    unknownOldest: 'Oldest waiting',
    unknownOverdue: 'Waiting 24 h or more',
    refunds: 'Customer refunds recorded yesterday',
    refundsCount: 'Refunds',
    refundsAmount: 'Amount',
    openReports: 'Open the reports',
    openUnknown: 'Open the unknown-error queue',
  },
  finance: {
    subject:
      'Finance digest for {date}: {count, plural, =0 {no refund due} one {# refund due, {amount}} other {# refunds due, {amount}}}',
    title: 'Finance digest',
    now: 'Customer refunds now',
    due: 'Due to customers',
    awaiting: 'Waiting for a second approval',
    reconcile: 'Yesterday’s reconciliation',
    reconcileHelp:
      'From the desk’s own records: OneClick’s ledger is matched live on the reconciliation page.',
    refunded: 'REFUNDED by OneClick',
    recorded: 'Customer refunds recorded',
    missing: 'Missing customer refunds',
    extra: 'Extra customer refunds',
    openRefunds: 'Open the refunds due',
    openReconcile: 'Open the reconciliation',
  },
  orders: '{count, plural, =0 {none} one {# order} other {# orders}}',
  refunds: '{count, plural, =0 {none} one {# refund} other {# refunds}}',
  /** A count with its DZD amount, both formatted: «2 orders, 1,500 DZD». */
  /** A label and its value, as the language joins them: «Amount: 5 DZD», «Montant : 5 DA». */
  pair: '{label}: {value}',
  withNote: '{value} ({note})',
  figure: '{count}, {amount}',
  asOf: 'Figures as of {time}, Algeria time.',
  footer: 'Sent every morning by Flexy Desk, in the language chosen in My preferences.',
} as const;
