// Partie du catalogue français (voir ./index.ts) : le kit de tableaux (components/data-table/*).
export const frTables = {
  columns: 'Colonnes',
  columnsMenu: 'Afficher ou masquer des colonnes',
  hiddenColumns: '{count, plural, =0 {toutes affichées} one {# masquée} other {# masquées}}',
  sortAscending: 'Tri croissant',
  sortDescending: 'Tri décroissant',
  sortNone: 'Non trié',
  keyboardHint: 'Clavier : j ligne suivante, k ligne précédente, Entrée ouvre la ligne.',
  rowPosition: 'Ligne {index} sur {total} : {label}',
  rows: '{count, plural, one {# ligne} other {# lignes}}',
  refundRequest: 'Demande',
  empty: 'Rien à afficher.',
  pagination: 'Navigation entre les pages',
  firstPage: 'Première page',
  previousPage: 'Précédente',
  nextPage: 'Suivante',
  exportCsv: 'Exporter en CSV',
  orderCount: '{count, plural, one {# commande} other {# commandes}}',
  orderCountCapped: 'Plus de {count, plural, one {# commande} other {# commandes}}',
  refundsDueTotal:
    '{count, plural, =0 {Aucun remboursement à faire} one {# remboursement à faire} other {# remboursements à faire}}, {amount} au total',
} as const;
