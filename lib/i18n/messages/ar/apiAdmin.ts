// جزء من الكتالوج العربي (انظر ./index.ts).
export const arApiAdmin = {} as const;
