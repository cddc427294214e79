import type { Messages } from '../../index';
import { arDesk } from './desk';
import { arFinance } from './finance';
import { arOperations } from './operations';
import { arSync } from './sync';

// Arabic catalogue (Modern Standard Arabic): same keys as the English reference; placeholders kept exactly.
export const ar: Messages = { ...arDesk, ...arOperations, ...arFinance, sync: arSync };
