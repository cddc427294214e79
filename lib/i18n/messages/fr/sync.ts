// Partie du catalogue français (voir ./index.ts).
export const frSync = {
  credentials: {
    title: 'Clé d’API',
    key: 'Clé …{fingerprint}',
    unconfirmed:
      'Pas encore confirmée : tant que OneClick ne l’a pas acceptée, les appels partent un par un, pour qu’une mauvaise clé ne soit jamais essayée plus de deux fois.',
    ok: 'Acceptée par OneClick le {time}.',
    refused:
      'Refusée par OneClick {count, plural, one {# fois} many {# de fois} other {# fois}} (dernière fois le {time} : {error}). Tous les appels à OneClick sont suspendus pour qu’il ne bloque pas l’IP de ce serveur.',
    attemptsLeft:
      'Selon OneClick, il reste {count, plural, one {# essai} many {# d’essais} other {# essais}} avant le blocage de l’IP.',
    fixHelp:
      'Corrigez la clé dans le tableau de bord OneClick (activez-la, autorisez l’IP de ce serveur) puis confirmez ci-dessous, ou définissez une nouvelle ONECLICK_API_KEY et redémarrez : une nouvelle clé est essayée aussitôt.',
    retry: 'La clé est corrigée : réessayer',
    retrying: 'Réactivation…',
    retried: 'Appels réactivés : ils repartent un par un, et le prochain vérifiera la clé.',
    blocked:
      'OneClick bloque l’IP de ce serveur jusqu’au {time} (trop de clés refusées). Aucun appel à OneClick ne sera fait d’ici là.',
    bannerRefused:
      'Les appels à OneClick sont suspendus : la clé d’API a été refusée deux fois (OneClick bloque l’IP au bout de cinq refus). Un administrateur doit corriger la clé puis la confirmer dans « État de la synchro ».',
    bannerBlocked:
      'OneClick bloque l’IP de ce serveur jusqu’au {time} : statuts et remboursements ne peuvent pas être confirmés d’ici là.',
  },
  quarantine: {
    title: 'Éléments mis de côté',
    intro:
      'Éléments de liste envoyés par OneClick qui ne respectent pas son format documenté. Le reste de chaque page a été appliqué et la synchro a continué ; ceux-ci attendent une intervention manuelle.',
    tile: 'Éléments mis de côté',
    none: 'Rien de mis de côté : tout ce que OneClick a envoyé était lisible.',
    topupId: 'ID de recharge',
    noId: 'sans ID',
    error: 'Motif',
    source: 'Détecté par',
    firstSeen: 'Première détection',
    lastSeen: 'Dernière détection',
    seen: 'Nombre de fois',
    raw: 'Ce que OneClick a envoyé',
    actions: 'Traitement',
    retry: 'Réessayer',
    retryHelp:
      'Demander cette commande à OneClick maintenant et appliquer la réponse si elle est lisible.',
    dismiss: 'Écarter',
    dismissNote: 'Motif de l’écartement (conservé dans le journal d’audit)',
    retried: 'Appliqué : la commande {id} est à jour.',
    stillBad: 'Toujours illisible : {error}',
    dismissed: 'Écarté.',
    gone: 'Cet élément n’est plus en attente.',
  },
  duties: {
    title: 'Tâches de fond ralenties après des échecs',
    none: 'Toutes les tâches de fond tournent normalement.',
    duty: 'Tâche',
    failures: 'Échecs consécutifs',
    error: 'Dernière erreur',
    retryAt: 'Prochain essai',
  },
  links: {
    title: 'Commandes liées',
    retryOf: 'Relance de la commande {id}',
    followOf: 'Redirection de la commande {id}',
    retriedAs: 'Relancée par OneClick sous {id}',
    followedBy: 'Redirigée par OneClick vers {id}',
    notFetched: 'pas encore récupérée',
    refundOnOriginal:
      'OneClick a relancé ou redirigé la commande d’origine {id} : le remboursement du client, s’il y a lieu, se décide sur celle-ci.',
    chain_open:
      'Une commande liée n’est pas encore finalisée : aucun remboursement n’est dû d’ici là.',
    chain_served:
      'Une commande liée a été effectuée : le client a reçu sa recharge, aucun remboursement n’est dû.',
    chain_refunded:
      'Toutes les commandes liées ont aussi été remboursées : un seul remboursement est dû pour l’ensemble.',
  },
} as const;
