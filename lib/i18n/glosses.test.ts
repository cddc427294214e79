import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../sandbox';
import { glossFor } from './glosses';

describe('glosses of OneClick’s Arabic messages', () => {
  it('recognises the documented wrong-number, plan-mismatch and unknown-state messages', () => {
    expect(glossFor('رقم الهاتف خاطئ، يرجى التأكد مع العميل')).toBe('gloss.wrongNumber');
    expect(glossFor('هذا العرض غير متوافق مع هذا الرقم جرب فاتورة')).toBe('gloss.planMismatch');
    expect(glossFor('هذه العملية حالتها غير معروفة، يرجى التأكد مع عميلك')).toBe(
      'gloss.unknownState',
    );
    expect(glossFor('الرصيد المطلوب غير متوفر لهذا الرقم')).toBe('gloss.notAvailable');
  });

  it('glosses every message the sandbox emulator sends, and leaves unknown text alone', () => {
    for (const message of Object.values(MESSAGES))
      if (typeof message === 'string') expect(glossFor(message)).not.toBeNull();
    expect(glossFor('رسالة جديدة')).toBeNull();
  });
});
