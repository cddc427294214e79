// Part of the English reference catalogue (see ./index.ts): the component kit's own words.
export const enKit = {
  close: 'Close',
  cancel: 'Cancel',
  dismiss: 'Dismiss',
  toastLabel: 'Notice',
  toastRegion: 'Notifications ({hotkey})',
  copy: 'Copy',
  copied: 'Copied',
  copiedAnnounce: 'Copied to the clipboard.',
  copyFailed: 'The browser refused to copy: the text is selected, press Ctrl+C.',
  secret: {
    notAgain: 'It will not be shown again: copy it now and keep it somewhere safe.',
    notAgainMany: 'They will not be shown again: copy them now and keep them somewhere safe.',
    tokenTitle: 'Token “{name}” created',
    tokenHelp:
      'Send it to the shop privately: the desk keeps only a fingerprint of it, never the token itself.',
    passwordTitle: 'Temporary password for {email}',
    passwordHelp:
      'Give it to them in person: they choose their own password when they first sign in.',
    recoveryHelp:
      'Each code signs you in once if you lose your phone. Keep them somewhere safe, not on the phone.',
  },
  confirm: {
    disableTitle: 'Disable {email}?',
    disableBody:
      'Their open sessions stop working at once. You can enable the account again later.',
    resetTitle: 'Reset two-factor sign-in for {email}?',
  },
  tokenRevoked: 'Token “{name}” revoked.',
} as const;
