// جزء من الكتالوج العربي (انظر ./index.ts).
export const arOps = {} as const;
