// Part of the Arabic catalogue (see ./index.ts).
export const arViews = {} as const;
