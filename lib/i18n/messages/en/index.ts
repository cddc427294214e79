import { enApiAdmin } from './apiAdmin';
import { enDesk } from './desk';
import { enFinance } from './finance';
import { enOperations } from './operations';
import { enOps } from './ops';
import { enSecurity } from './security';
import { enSync } from './sync';

// The English catalogue is the reference: every other catalogue has exactly its keys.
export const en = {
  ...enDesk,
  ...enOperations,
  ...enFinance,
  sync: enSync,
  security: enSecurity,
  apiAdmin: enApiAdmin,
  ops: enOps,
} as const;
