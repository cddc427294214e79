import type { Key } from './index';

// Short explanations of OneClick's known Arabic customer messages, shown beside the message in
// French and English so an agent who does not read Arabic knows what the customer is told.
const KNOWN: [RegExp, Key][] = [
  [/رقم الهاتف خاطئ/, 'gloss.wrongNumber'],
  [/غير متوافق مع هذا الرقم/, 'gloss.planMismatch'],
  [/حالتها غير معروفة|غير معروفة/, 'gloss.unknownState'],
  [/غير متوفر/, 'gloss.notAvailable'],
];

export function glossFor(message: string | null | undefined): Key | null {
  if (!message) return null;
  return KNOWN.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}
