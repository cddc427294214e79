import type { en } from './en';

// The shape every catalogue has: the English reference's keys, each a string. Kept beside the
// catalogues (not in lib/i18n/index.ts, which imports them) so no import runs in a circle.
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof en>;
