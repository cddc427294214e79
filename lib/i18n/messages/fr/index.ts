import type { Messages } from '../../index';
import { frDesk } from './desk';
import { frFinance } from './finance';
import { frOperations } from './operations';
import { frSync } from './sync';

// French catalogue (Algeria): same keys as the English reference; placeholders kept exactly.
export const fr: Messages = { ...frDesk, ...frOperations, ...frFinance, sync: frSync };
