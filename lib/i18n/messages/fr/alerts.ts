import type { Messages } from '../types';

// Partie du catalogue français (voir ./index.ts) : les alertes et leurs notifications (lib/alerts/*).
export const frAlerts: Messages['alerts'] = {
  title: 'Alertes',
  intro:
    'Ce que Flexy Desk surveille pour vous, d’après ses propres données : une alerte s’ouvre une seule fois quand une condition est remplie, relance tant qu’elle l’est, et se résout d’elle-même quand elle ne l’est plus.',
  bell: 'Alertes',
  bellUnread:
    '{count, plural, one {Alertes, # nouvelle} many {Alertes, # de nouvelles} other {Alertes, # nouvelles}}',
  bellEmpty: 'Aucune alerte pour l’instant.',
  bellAll: 'Toutes les alertes',
  condition: {
    runway: 'Le solde sera bientôt épuisé',
    unknown_backlog: 'Commandes en UNKNOWN_ERROR en attente depuis trop longtemps',
    operator_failures: 'Échecs en hausse chez {operator}',
    sync_stalled: 'Synchro bloquée',
    credentials: 'OneClick refuse nos appels',
    webhook_failing: 'Échec des notifications de remboursement',
    reconciliation: 'Les remboursements d’hier ne concordent pas',
    ingest_waiting: 'Enregistrements de la boutique en attente',
    backup_failed: 'Les sauvegardes échouent',
  },
  conditionName: {
    runway: 'Autonomie du solde',
    unknown_backlog: 'File des UNKNOWN_ERROR',
    operator_failures: 'Taux d’échec par opérateur',
    sync_stalled: 'Synchro bloquée',
    credentials: 'Clé refusée ou IP bloquée',
    webhook_failing: 'Webhook de remboursement en échec',
    reconciliation: 'Rapprochement de la veille',
    ingest_waiting: 'File des enregistrements de la boutique',
    backup_failed: 'Sauvegardes de la base',
  },
  detail: {
    runway:
      'Le solde OneClick de {balance} tient environ {hours} h au rythme de dépense des 3 dernières heures (alerte sous {threshold} h). Rechargez le solde avant qu’il ne soit épuisé.',
    unknown_backlog:
      '{count, plural, one {# commande est} many {# de commandes sont} other {# commandes sont}} en UNKNOWN_ERROR depuis plus de {threshold} h, la plus ancienne depuis le {oldest}. Envoyez le dossier d’escalade au support OneClick ; ne remboursez pas encore.',
    operator_failures:
      '{operator} : {failed} sur {settled} commandes finalisées ont échoué ces {windowMinutes} dernières minutes ({rate}), contre {baseline} à cette heure-ci sur les 7 derniers jours (alerte à {factor}×).',
    sync_stalled:
      'Aucune réponse de OneClick depuis plus de {threshold} minutes alors que {inFlight, plural, one {# commande est} many {# de commandes sont} other {# commandes sont}} en cours. Dernière réponse : {lastSuccess}.',
    credentials:
      '{problem, select, ip_blocked {OneClick bloque l’IP de ce serveur jusqu’au {until}.} other {OneClick refuse la clé d’API : tous les appels à OneClick sont suspendus jusqu’à ce qu’un administrateur les réactive dans « État de la synchro ».}} {error}',
    webhook_failing:
      '{count, plural, one {# notification de remboursement n’a pas atteint} many {# de notifications de remboursement n’ont pas atteint} other {# notifications de remboursement n’ont pas atteint}} le système de la boutique depuis plus de {threshold} minutes, la plus ancienne depuis le {oldest}. Dernière erreur : {lastError}.',
    reconciliation:
      '{day} : {missing, plural, one {# commande remboursée} many {# de commandes remboursées} other {# commandes remboursées}} par OneClick sans remboursement client ({missingAmount}) ; {extra, plural, one {# remboursement client enregistré} many {# de remboursements clients enregistrés} other {# remboursements clients enregistrés}} sur des commandes qui ne sont pas REFUNDED ({extraAmount}).',
    ingest_waiting:
      '{count, plural, one {# enregistrement de commande attend} many {# d’enregistrements de commandes attendent} other {# enregistrements de commandes attendent}} depuis plus de {threshold} minutes, le plus ancien depuis le {oldest}. Dernière erreur : {lastError}.',
    backup_failed:
      '{problem, select, stale {Aucune sauvegarde n’a réussi depuis plus de {threshold} h (dernière bonne : {lastOk}).} other {La dernière sauvegarde a échoué : {error}. Dernière bonne : {lastOk}.}} Vérifiez l’espace disque et l’état de la synchro ; `npm run db:backup` réessaie.',
  },
  notice: {
    opened: 'Alerte : {title}',
    reminded: 'Toujours ouverte : {title}',
    resolved: 'Résolue : {title}',
    openedLine: 'Ouverte le {at}.',
    remindedLine: 'Rappel n° {n} : ouverte depuis le {at}.',
    resolvedLine: 'Ce n’est plus le cas : résolue le {at}, {duration} après son ouverture.',
    acknowledgedLine: 'Prise en charge par {name} le {at}.',
    link: 'Ouvrir la page des alertes',
    footer:
      'Envoyé par Flexy Desk. Les administrateurs règlent les seuils et les canaux sur la page « Réglages des alertes ».',
    testSubject: 'Test de Flexy Desk',
    testBody:
      'Ceci est un test du canal {channel}, demandé par {name}. Si vous lisez ce message, les alertes vous parviennent bien ici.',
  },
  state: { open: 'Ouverte', resolved: 'Résolue' },
  column: {
    alert: 'Alerte',
    state: 'État',
    opened: 'Ouverte le',
    resolved: 'Résolue le',
    reminders: 'Rappels',
    acknowledged: 'Prise en charge',
  },
  filter: {
    state: 'État',
    condition: 'Condition surveillée',
    any: 'Toutes',
    apply: 'Filtrer',
  },
  empty: 'Aucune alerte ne correspond. Flexy Desk vérifie chaque condition toutes les 15 secondes.',
  openCount:
    '{count, plural, =0 {Rien d’ouvert.} one {# alerte ouverte.} many {# d’alertes ouvertes.} other {# alertes ouvertes.}}',
  acknowledge: 'Prendre en charge',
  acknowledging: 'Prise en charge…',
  acknowledgedBy: '{name}, {time}',
  notAcknowledged: 'Pas encore',
  acknowledgedToast: 'Alerte prise en charge : tout le monde voit qui s’en occupe.',
  alreadyAcknowledged: 'Déjà prise en charge par {name} le {time}.',
  notOpen: 'Cette alerte est résolue : il n’y a rien à prendre en charge.',
  notFound: 'Alerte introuvable.',
  older: 'Alertes plus anciennes',
  newest: 'Alertes les plus récentes',
  event: {
    opened: 'ouverte',
    reminded: 'rappel envoyé',
    resolved: 'résolue d’elle-même',
    acknowledged: 'prise en charge',
  },
  settings: {
    title: 'Réglages des alertes',
    intro:
      'Les seuils de chaque condition, et où partent les alertes en plus de la cloche. Les synthèses du matin partent par e-mail à 8 h, heure d’Algérie, aux responsables et à la finance.',
    conditions: 'Conditions surveillées',
    enabled: 'Activée',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Enregistré.',
    defaults: 'Par défaut : {value}',
    param: {
      hours: 'Durée (heures)',
      minutes: 'Durée (minutes)',
      factor: 'Multiple du taux habituel',
      minOrders: 'Minimum de commandes finalisées',
      windowMinutes: 'Fenêtre (minutes)',
      floorRate: 'Taux habituel minimal (0–1)',
    },
    noParams: 'Pas de seuil : la condition est remplie ou ne l’est pas.',
    channels: 'Canaux',
    backlog:
      '{pending, plural, =0 {Aucun message en attente d’envoi.} one {# message en attente d’envoi} many {# de messages en attente d’envoi} other {# messages en attente d’envoi}}{failing, plural, =0 {} one {, dont # en échec} many {, dont # en échec} other {, dont # en échec}}. {gaveUp, plural, =0 {Aucun abandonné depuis hier.} one {# abandonné depuis hier après 10 essais.} many {# abandonnés depuis hier après 10 essais.} other {# abandonnés depuis hier après 10 essais.}}',
    bellNote:
      'La cloche : chaque responsable, utilisateur finance et administrateur connecté voit les alertes dans Flexy Desk.',
    email: 'E-mail',
    emailRoles: 'Envoyer les alertes à',
    emailNoSmtp:
      'L’e-mail est désactivé : définissez SMTP_URL dans la configuration (smtp://user:password@host:587) et redémarrez.',
    emailFrom: 'Envoyé par SMTP depuis {from}.',
    webhook: 'Envoi par webhook',
    webhookUrl: 'URL du webhook entrant',
    webhookHelp:
      'Un POST JSON avec un champ `text`, accepté par les webhooks entrants de type Slack, Teams et Telegram, et signé comme le webhook de remboursement (X-Flexy-Signature).',
    webhookLocale: 'Langue des messages du webhook',
    webhookSecret: 'Secret de signature',
    webhookSecretHelp:
      'Vérifiez X-Flexy-Signature avec ce secret. Enregistrer une nouvelle URL ne le change pas.',
    sendTest: 'Envoyer un test',
    testQueued:
      'Test mis en file : il part d’ici quelques secondes. Son résultat s’affiche ci-dessous.',
    lastTest: 'Dernier test : {result}',
    testSent: 'envoyé le {time}',
    testFailed: 'échec le {time} : {error}',
    testPending: 'en attente d’envoi',
  },
  invalid: {
    url: 'L’URL du webhook doit être une URL http(s), sans user:password@.',
    number: '{field} doit être un nombre compris dans la plage autorisée.',
    roles: 'Choisissez des rôles dans la liste.',
    channel: 'Canal inconnu.',
    noSmtp: 'L’e-mail n’est pas configuré : définissez d’abord SMTP_URL.',
    noWebhook: 'Enregistrez d’abord une URL de webhook.',
  },
  digest: {
    sentAt: 'Synthèses du matin : dernier envoi pour le {day}.',
    none: 'Synthèses du matin : aucune envoyée pour l’instant.',
  },
};
