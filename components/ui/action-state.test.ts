import { describe, expect, it } from 'vitest';
import { settle } from './action-state';

describe('what a button says after its action', () => {
  it('keeps the success words for the status line', () => {
    const { state, toast } = settle(
      { ok: true, data: { n: 2 } },
      { success: (d) => `done ${d.n}` },
    );
    expect(state).toEqual({ outcome: { ok: true, text: 'done 2' }, error: null, fieldErrors: {} });
    expect(toast).toBeNull();
  });

  it('moves the success words to a toast when asked, leaving the line empty', () => {
    const { state, toast } = settle(
      { ok: true, data: null },
      { success: () => 'Saved.', toast: true },
    );
    expect(state.outcome).toBeNull();
    expect(toast).toBe('Saved.');
  });

  it('says nothing on a success without words', () => {
    expect(settle({ ok: true, data: 1 }, {})).toEqual({
      state: { outcome: null, error: null, fieldErrors: {} },
      toast: null,
    });
  });

  it('keeps a refusal next to the fields it names and the form-wide message apart', () => {
    const { state, toast } = settle(
      { ok: false, error: 'Check the form.', fieldErrors: { name: 'Required.' } },
      { success: () => 'never', toast: true },
    );
    expect(state).toEqual({
      outcome: { ok: false, text: 'Required.' },
      error: 'Check the form.',
      fieldErrors: { name: 'Required.' },
    });
    expect(toast).toBeNull();
  });

  it('reads a refusal with no field as the action wrote it', () => {
    const { state } = settle({ ok: false, error: 'That token is already revoked.' }, {});
    expect(state.outcome).toEqual({ ok: false, text: 'That token is already revoked.' });
    expect(state.fieldErrors).toEqual({});
  });
});
