// جزء من الكتالوج العربي (انظر ./index.ts).
export const arSecurity = {} as const;
