// Part of the English reference catalogue (see ./index.ts).
export const enApiAdmin = {
  scopes: 'Scopes',
  scopesLegend: 'What this token may do',
  scopesHint: 'Tick only what the shop needs: a token that may refund moves money.',
  scopesRequired: 'Choose at least one scope.',
  scope: {
    read: 'Read top-ups',
    register: 'Register top-ups',
    refund: 'Refund customers',
    resend: 'Re-send with a suggested offer',
  },
} as const;
