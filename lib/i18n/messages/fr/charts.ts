// Partie du catalogue français (voir ./index.ts) : les graphiques des rapports.
export const frCharts = {
  p50: 'Médiane (p50)',
  p95: '95ᵉ centile (p95)',
  seconds: '{value} s',
  hours: '{value} h',
  overAnHour: 'plus d’1 h',
  emptyUnknown: 'Aucune commande n’est passée par UNKNOWN_ERROR sur cette période.',
  emptyRefunds: 'Aucun remboursement client enregistré sur cette période.',
  emptyRecovered: 'Aucune recharge renvoyée n’a été livrée sur cette période.',
  pointHint:
    'Cliquez sur un point ou une barre pour ouvrir ses commandes. Au clavier : placez-vous sur le graphique, déplacez-vous avec les flèches puis appuyez sur Entrée.',
  chartLabel: '{title} : graphique',
  hoursInAlgeria: 'Les heures sont à l’heure de l’Algérie.',
} as const;
