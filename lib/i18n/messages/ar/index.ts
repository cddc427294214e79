import type { Messages } from '../types';
import { arAlerts } from './alerts';
import { arApiAdmin } from './apiAdmin';
import { arCharts } from './charts';
import { arDesk } from './desk';
import { arDigest } from './digest';
import { arFinance } from './finance';
import { arKit } from './kit';
import { arOperations } from './operations';
import { arOps } from './ops';
import { arSecurity } from './security';
import { arSync } from './sync';
import { arTables } from './tables';
import { arViews } from './views';

// Arabic catalogue (Modern Standard Arabic): same keys as the English reference; placeholders kept exactly.
export const ar: Messages = {
  ...arDesk,
  ...arOperations,
  ...arFinance,
  sync: arSync,
  security: arSecurity,
  apiAdmin: arApiAdmin,
  ops: arOps,
  table: arTables,
  kit: arKit,
  views: arViews,
  charts: arCharts,
  digest: arDigest,
  alerts: arAlerts,
};
