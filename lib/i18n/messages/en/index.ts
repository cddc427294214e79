import { enDesk } from './desk';
import { enFinance } from './finance';
import { enOperations } from './operations';
import { enSync } from './sync';

// The English catalogue is the reference: every other catalogue has exactly its keys.
export const en = { ...enDesk, ...enOperations, ...enFinance, sync: enSync } as const;
