// Partie du catalogue français (voir ./index.ts) : le kit de tableaux (components/data-table/*).
export const frTables = {
  columns: 'Colonnes',
  columnsMenu: 'Afficher ou masquer des colonnes',
  hiddenColumns:
    '{count, plural, =0 {toutes affichées} one {# masquée} many {# de colonnes masquées} other {# masquées}}',
  sortAscending: 'Tri croissant',
  sortDescending: 'Tri décroissant',
  sortNone: 'Non trié',
  keyboardHint: 'Clavier : j ligne suivante, k ligne précédente, Entrée ouvre la ligne.',
  rowPosition: 'Ligne {index, number} sur {total, number} : {label}',
  refundRequest: 'Demande',
  empty: 'Rien à afficher.',
  pagination: 'Navigation entre les pages',
  firstPage: 'Première page',
  previousPage: 'Précédente',
  nextPage: 'Suivante',
} as const;
