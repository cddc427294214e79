// Partie du catalogue français (voir ./index.ts).
export const frApiAdmin = {
  scopes: 'Autorisations',
  scopesLegend: 'Ce que ce jeton peut faire',
  scopesHint:
    'Ne cochez que ce dont la boutique a besoin : un jeton qui peut rembourser fait sortir de l’argent.',
  scopesRequired: 'Choisissez au moins une autorisation.',
  scope: {
    read: 'Consulter les recharges',
    register: 'Enregistrer les recharges',
    refund: 'Rembourser les clients',
    resend: 'Renvoyer avec une offre suggérée',
  },
} as const;
