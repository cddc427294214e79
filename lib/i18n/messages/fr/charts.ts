// Partie du catalogue français (voir ./index.ts).
export const frCharts = {} as const;
