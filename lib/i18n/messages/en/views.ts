// Part of the English reference catalogue (see ./index.ts).
export const enViews = {} as const;
