// Partie du catalogue français (voir ./index.ts).
export const frViews = {} as const;
