// Written by `npm run i18n:keys` (scripts/i18n-keys.ts) from the client code: do not edit.
// The message keys each scope's client components use ("x." is the whole group x).

export const CLIENT_KEYS = {
  "(desk)/(home)": [],
  "(desk)/admin/audit": [],
  "(desk)/admin/tokens": ["apiAdmin.scope.","apiAdmin.scopes","apiAdmin.scopesHint","apiAdmin.scopesLegend","tokens.actions","tokens.active","tokens.cancel","tokens.confirmBody","tokens.confirmTitle","tokens.copied","tokens.copy","tokens.create","tokens.createdAt","tokens.createdBy","tokens.creating","tokens.done","tokens.empty","tokens.lastUsed","tokens.name","tokens.namePlaceholder","tokens.never","tokens.prefix","tokens.revoke","tokens.revokeFor","tokens.revoked","tokens.revoking","tokens.shownOnce","tokens.status","tokens.title","tokens.unknownCreator"],
  "(desk)/admin/users": ["roles.","security.admin.off","security.admin.on","security.admin.reset","security.admin.resetConfirm","security.admin.resetFor","security.admin.secondFactor","users."],
  "(desk)/forbidden": [],
  "(desk)/health": ["sync.credentials.retried","sync.credentials.retry","sync.credentials.retrying","sync.quarantine.dismiss","sync.quarantine.dismissNote","sync.quarantine.dismissed","sync.quarantine.retried","sync.quarantine.retry","sync.quarantine.retryHelp"],
  "(desk)/orders": ["csv.localHeaders","money.currency","order.amount","order.createdAt","order.operator","order.phone","order.plan","order.ref","order.status","order.statusChangedAt","order.topupId","orders.columns","orders.empty","orders.emptyPhone","orders.export","orders.firstPage","orders.next","orders.pagination","orders.prev","orders.source","orders.title","sources.","status."],
  "(desk)/orders/[id]": ["order.checkNow","order.checkedNow","order.checking","order.notePlaceholder","order.noteSave","order.notes","refund.approvalAmount","refund.approvalLinked","refund.approvalUnknown","refund.approve","refund.approved","refund.awaiting","refund.button","refund.cancel","refund.confirm","refund.dialogBody","refund.dialogTitle","refund.note","refund.reason","refund.recorded","refund.redeliver","refund.redelivered","refund.reject","refund.rejected","refund.working","status."],
  "(desk)/reconciliation": [],
  "(desk)/refunds": ["refund.approvalAmount","refund.approvalLinked","refund.approvalUnknown","refund.approve","refund.approved","refund.awaiting","refund.button","refund.cancel","refund.confirm","refund.dialogBody","refund.dialogTitle","refund.note","refund.reason","refund.recorded","refund.redeliver","refund.redelivered","refund.reject","refund.rejected","refund.working"],
  "(desk)/reports": ["money.currency"],
  "(desk)/search": [],
  "(desk)/settings": ["language.","security.password.changed","security.password.current","security.password.hint","security.password.next","security.password.saving","security.password.submit","security.sessions.none","security.sessions.signOutOthers","security.sessions.signedOutOthers","security.sessions.signingOut","security.totp.code","security.totp.codeHint","security.totp.confirm","security.totp.confirming","security.totp.copied","security.totp.copy","security.totp.key","security.totp.qrLabel","security.totp.recoveryHelp","security.totp.recoverySaved","security.totp.recoveryTitle","security.totp.regenerate","security.totp.regenerateHelp","security.totp.regenerated","security.totp.scan","security.totp.start","security.totp.starting","settings.digits","settings.digitsArab","settings.digitsLatn","settings.language","settings.save","settings.saved"],
  "(desk)/track": ["track.placeholder","track.query","track.submit","track.tracking"],
  "(desk)/unknown": ["gloss.title","order.copied","unknown.age","unknown.copyPack","unknown.escalation","unknown.escalationHelp","unknown.nextRecheck","unknown.queued","unknown.recheck","unknown.rechecking","unknown.select","unknown.selectAll"],
  "desk": ["language.","nav.search","nav.searchHint","nav.searchPlaceholder","nav.signOut","nav.theme","nav.themeDark","nav.themeLight","nav.themeSystem"],
  "login": ["auth.disabled","auth.email","auth.invalid","auth.locked","auth.password","auth.required","auth.sessionEnded","auth.submit","auth.submitting","language.","security.signIn.back","security.signIn.code","security.signIn.codeHint","security.signIn.codeTitle","security.signIn.verify","security.signIn.wrongCode"],
  "root": [],
  "setup": ["language.","nav.signOut","security.password.changed","security.password.current","security.password.hint","security.password.next","security.password.saving","security.password.submit","security.totp.code","security.totp.codeHint","security.totp.confirm","security.totp.confirming","security.totp.copied","security.totp.copy","security.totp.key","security.totp.qrLabel","security.totp.recoveryHelp","security.totp.recoverySaved","security.totp.recoveryTitle","security.totp.scan","security.totp.start","security.totp.starting"],
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof CLIENT_KEYS;
