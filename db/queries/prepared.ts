import type { Db, Tx } from '../client';

// Hot statements (the shop's API runs them hundreds of times a second) are built once per
// database handle with drizzle's `.prepare(name)`: no query building on each call, and
// Postgres parses them once per connection (named statements). Names must be unique per SQL
// text: pg refuses a second text under a name a connection already prepared.

/** `build(db)` once per handle (the pool's, or a transaction's), then the same statement. */
export function preparedPer<P>(build: (db: Db | Tx) => P): (db: Db | Tx) => P {
  const built = new WeakMap<Db | Tx, P>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
