// Part of the English reference catalogue (see ./index.ts): the upstream key, list items set
// aside, duties backing off, and orders linked by OneClick (retries, follow-ups).
export const enSync = {
  credentials: {
    title: 'API key',
    key: 'Key …{fingerprint}',
    unconfirmed:
      'Not confirmed yet: until OneClick accepts it, calls go one at a time, so a bad key is never tried more than twice.',
    ok: 'Accepted by OneClick on {time}.',
    refused:
      'Refused by OneClick {count, plural, one {once} other {# times}} (last on {time}: {error}). Every upstream call is stopped so OneClick does not block this server’s IP.',
    attemptsLeft:
      'OneClick says {count, plural, one {# attempt is} other {# attempts are}} left before it blocks the IP.',
    fixHelp:
      'Fix the key in OneClick’s dashboard (enable it, allow this server’s IP) and confirm below, or set a new ONECLICK_API_KEY and restart: a new key is tried at once.',
    retry: 'The key is fixed: try again',
    retrying: 'Re-enabling…',
    retried: 'Calls re-enabled: the next call checks the key, one at a time.',
    blocked:
      'OneClick blocks this server’s IP until {time} (too many refused keys). No upstream call is made until then.',
    bannerRefused:
      'Upstream calls are stopped: OneClick refused the API key twice (it blocks the IP after five). An admin must fix the key, then confirm it on Sync health.',
    bannerBlocked:
      'OneClick blocks this server’s IP until {time}: statuses and refunds cannot be confirmed until then.',
  },
  quarantine: {
    title: 'Items set aside',
    intro:
      'List items from OneClick that do not fit its documented format. The rest of each page was applied and the sync went on; these wait for a person.',
    tile: 'Items set aside',
    none: 'Nothing set aside: every item OneClick sent was readable.',
    topupId: 'Top-up id',
    noId: 'no id',
    error: 'Why',
    source: 'Seen by',
    firstSeen: 'First seen',
    lastSeen: 'Last seen',
    seen: 'Times',
    raw: 'What OneClick sent',
    actions: 'Actions',
    retry: 'Retry',
    retryHelp: 'Ask OneClick for this order now and apply the answer if it is readable.',
    dismiss: 'Dismiss',
    dismissNote: 'Why dismiss (kept in the audit log)',
    retried: 'Applied: order {id} is up to date.',
    stillBad: 'Still unreadable: {error}',
    dismissed: 'Dismissed.',
    gone: 'This item is no longer waiting.',
  },
  duties: {
    title: 'Background work backing off',
    none: 'All background work is running normally.',
    duty: 'Work',
    failures: 'Failures in a row',
    error: 'Last error',
    retryAt: 'Next try',
  },
  links: {
    title: 'Linked orders',
    retryOf: 'Retry of {id}',
    followOf: 'Follow-up of {id}',
    retriedAs: 'Retried by OneClick as {id}',
    followedBy: 'Redirected by OneClick to {id}',
    notFetched: 'not fetched yet',
    refundOnOriginal:
      'OneClick retried or redirected the original order {id}: the customer’s refund, if any, is decided there.',
    chain_open: 'A linked order is not settled yet: no refund is due until it is.',
    chain_served: 'A linked order was delivered: the customer got their top-up, no refund is due.',
    chain_refunded: 'Every linked order was refunded too: one refund is due for the whole chain.',
  },
} as const;
