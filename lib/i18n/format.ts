// Message keys and parameters. Messages themselves are ICU MessageFormat: `{name}` inserts a
// string, `{n, number}` a number in the person's digits, `{count, plural, one {…} other {…}}`
// picks the language's plural form (Arabic has six).
export type Params = Record<string, string | number | Date>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey<T> = Leaves<T>;
