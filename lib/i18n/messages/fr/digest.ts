import type { Messages } from '../types';

// Partie du catalogue français (voir ./index.ts) : les courriels du matin (lib/digests/render.ts).
export const frDigest: Messages['digest'] = {
  manager: {
    subject: 'Synthèse responsable du {date} : taux de réussite {rate}, moyenne sur 7 jours {week}',
    title: 'Synthèse du matin (responsable)',
    rates: 'Taux de réussite d’hier, face aux 7 jours précédents',
    ratesHelp:
      'Un taux est la part des commandes finalisées (réussies, remboursées ou en erreur inconnue) qui ont réussi ; les commandes encore en cours ne comptent dans aucun taux.',
    placed:
      '{count, plural, =0 {Aucune commande passée hier.} one {# commande passée hier.} many {# de commandes passées hier.} other {# commandes passées hier.}}',
    operator: 'Opérateur',
    yesterday: 'Hier',
    week: 'Moyenne sur 7 jours',
    all: 'Tous les opérateurs',
    other: 'Autre',
    settledOf:
      '{settled, plural, =0 {aucune finalisée} one {{fulfilled, number} sur # finalisée} many {{fulfilled, number} sur # finalisées} other {{fulfilled, number} sur # finalisées}}',
    unknown: 'Erreurs inconnues en attente, à cette heure',
    unknownWaiting: 'En attente de OneClick',
    unknownOldest: 'Plus longue attente',
    unknownOverdue: 'En attente depuis 24 h ou plus',
    refunds: 'Remboursements clients enregistrés hier',
    refundsCount: 'Remboursements',
    refundsAmount: 'Montant',
    openReports: 'Ouvrir les rapports',
    openUnknown: 'Ouvrir la file des erreurs inconnues',
  },
  finance: {
    subject:
      'Synthèse finance du {date} : {count, plural, =0 {aucun remboursement dû} one {# remboursement dû, {amount}} many {# de remboursements dus, {amount}} other {# remboursements dus, {amount}}}',
    title: 'Synthèse du matin (finance)',
    now: 'Remboursements clients, à cette heure',
    due: 'Dus aux clients',
    awaiting: 'En attente d’une seconde approbation',
    reconcile: 'Rapprochement d’hier',
    reconcileHelp:
      'D’après les seuls enregistrements de Flexy Desk : le relevé OneClick est rapproché en direct sur la page Rapprochement.',
    refunded: 'REFUNDED par OneClick',
    recorded: 'Remboursements clients enregistrés',
    missing: 'Remboursements clients manquants',
    extra: 'Remboursements clients en trop',
    openRefunds: 'Ouvrir les remboursements dus',
    openReconcile: 'Ouvrir le rapprochement',
  },
  orders: '{count, plural, =0 {aucune} one {# commande} many {# de commandes} other {# commandes}}',
  refunds:
    '{count, plural, =0 {aucun} one {# remboursement} many {# de remboursements} other {# remboursements}}',
  pair: '{label} : {value}',
  withNote: '{value} ({note})',
  figure: '{count}, {amount}',
  asOf: 'Chiffres au {time}, heure d’Algérie.',
  footer: 'Envoyé chaque matin par Flexy Desk, dans la langue choisie dans Mes préférences.',
};
