import type { Messages } from '../types';
import { frApiAdmin } from './apiAdmin';
import { frDesk } from './desk';
import { frFinance } from './finance';
import { frOperations } from './operations';
import { frOps } from './ops';
import { frSecurity } from './security';
import { frSync } from './sync';

// French catalogue (Algeria): same keys as the English reference; placeholders kept exactly.
export const fr: Messages = {
  ...frDesk,
  ...frOperations,
  ...frFinance,
  sync: frSync,
  security: frSecurity,
  apiAdmin: frApiAdmin,
  ops: frOps,
};
