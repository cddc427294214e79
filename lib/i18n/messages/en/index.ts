import { enAlerts } from './alerts';
import { enApiAdmin } from './apiAdmin';
import { enCharts } from './charts';
import { enDesk } from './desk';
import { enDigest } from './digest';
import { enFinance } from './finance';
import { enKit } from './kit';
import { enOperations } from './operations';
import { enOps } from './ops';
import { enSecurity } from './security';
import { enSync } from './sync';
import { enTables } from './tables';
import { enViews } from './views';

// The English catalogue is the reference: every other catalogue has exactly its keys.
export const en = {
  ...enDesk,
  ...enOperations,
  ...enFinance,
  sync: enSync,
  security: enSecurity,
  apiAdmin: enApiAdmin,
  ops: enOps,
  table: enTables,
  kit: enKit,
  views: enViews,
  charts: enCharts,
  digest: enDigest,
  alerts: enAlerts,
} as const;
