// Partie du catalogue français (voir ./index.ts).
export const frTables = {} as const;
