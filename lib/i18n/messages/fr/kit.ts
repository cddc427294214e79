// Partie du catalogue français (voir ./index.ts).
export const frKit = {} as const;
