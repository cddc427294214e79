// Part of the Arabic catalogue (see ./index.ts).
export const arCharts = {} as const;
