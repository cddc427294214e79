// Partie du catalogue français (voir ./index.ts).
export const frSecurity = {} as const;
