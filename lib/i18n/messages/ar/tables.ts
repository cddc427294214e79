// Part of the Arabic catalogue (see ./index.ts).
export const arTables = {} as const;
