// The database schema, one file per domain. Import from here ('@/db/schema', '../db/schema'),
// not from the files themselves. drizzle-kit reads the whole folder (drizzle.config.ts).

export * from './alerts';
export * from './api';
export * from './audit';
export * from './refunds';
export * from './reports';
export * from './resends';
export * from './sync';
export * from './topups';
export * from './users';
export * from './views';
