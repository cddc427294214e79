// Part of the Arabic catalogue (see ./index.ts).
export const arKit = {} as const;
