// Partie du catalogue français (voir ./index.ts).
export const frApiAdmin = {} as const;
