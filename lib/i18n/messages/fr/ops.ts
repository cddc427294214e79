// Partie du catalogue français (voir ./index.ts).
export const frOps = {} as const;
