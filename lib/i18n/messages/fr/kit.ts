// Partie du catalogue français (voir ./index.ts) : les mots des composants communs.
export const frKit = {
  close: 'Fermer',
  cancel: 'Annuler',
  dismiss: 'Fermer l’avis',
  toastLabel: 'Avis',
  toastRegion: 'Zone des avis ({hotkey})',
  copy: 'Copier',
  copied: 'Copié',
  copiedAnnounce: 'Copié dans le presse-papiers.',
  copyFailed: 'Le navigateur a refusé la copie : le texte est sélectionné, faites Ctrl+C.',
  secret: {
    notAgain: 'Il ne sera plus affiché : copiez-le maintenant et gardez-le en lieu sûr.',
    notAgainMany: 'Ils ne seront plus affichés : copiez-les maintenant et gardez-les en lieu sûr.',
    tokenTitle: 'Jeton « {name} » créé',
    tokenHelp:
      'Transmettez-le à la boutique par un canal privé : Flexy Desk n’en garde qu’une empreinte, jamais le jeton lui-même.',
    passwordTitle: 'Mot de passe provisoire de {email}',
    passwordHelp:
      'Remettez-le en main propre : la personne choisira son propre mot de passe à sa première connexion.',
    recoveryHelp:
      'Chaque code permet de vous connecter une fois si vous perdez votre téléphone. Gardez-les en lieu sûr, pas dans le téléphone.',
  },
  confirm: {
    disableTitle: 'Désactiver {email} ?',
    disableBody:
      'Ses sessions ouvertes cessent aussitôt de fonctionner. Vous pourrez réactiver le compte plus tard.',
    resetTitle: 'Réinitialiser la connexion en deux étapes de {email} ?',
  },
  tokenRevoked: 'Jeton « {name} » révoqué.',
} as const;
