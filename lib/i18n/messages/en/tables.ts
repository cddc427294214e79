// Part of the English reference catalogue (see ./index.ts).
export const enTables = {} as const;
