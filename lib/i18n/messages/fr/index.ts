import type { Messages } from '../types';
import { frAlerts } from './alerts';
import { frApiAdmin } from './apiAdmin';
import { frCharts } from './charts';
import { frDesk } from './desk';
import { frDigest } from './digest';
import { frFinance } from './finance';
import { frKit } from './kit';
import { frOperations } from './operations';
import { frOps } from './ops';
import { frSecurity } from './security';
import { frSync } from './sync';
import { frTables } from './tables';
import { frViews } from './views';

// French catalogue (Algeria): same keys as the English reference; placeholders kept exactly.
export const fr: Messages = {
  ...frDesk,
  ...frOperations,
  ...frFinance,
  sync: frSync,
  security: frSecurity,
  apiAdmin: frApiAdmin,
  ops: frOps,
  table: frTables,
  kit: frKit,
  views: frViews,
  charts: frCharts,
  digest: frDigest,
  alerts: frAlerts,
};
