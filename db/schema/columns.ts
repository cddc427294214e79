import { numeric, timestamp } from 'drizzle-orm/pg-core';

// Column helpers shared by the schema files (not re-exported from the index).

export const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** DZD amounts: numeric in SQL, decimal strings in TypeScript. Never a float. */
export const money = (name: string) => numeric(name, { precision: 14, scale: 2 });
