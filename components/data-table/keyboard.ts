// j / k / Enter inside the desk's tables, as a pure decision so it can be tested without a DOM.
// The hook in ./use-row-keys.ts feeds it the key and what kind of element has the focus.

/** Where a key was typed: a field (never ours), a link or button (Enter is theirs), else other. */
export type KeyTarget = 'field' | 'control' | 'other';

export type KeyPress = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target: KeyTarget;
};

export type RowKeyAction = { type: 'move'; index: number } | { type: 'open'; index: number } | null;

/**
 * j moves to the next row, k to the previous (the first press lands on the first row; the ends
 * hold), Enter opens the active row's link. Keys with Ctrl, Cmd or Alt, and keys typed in a
 * field, belong to someone else; Enter on a focused link or button is left to that control.
 */
export function rowKeyAction(press: KeyPress, active: number | null, count: number): RowKeyAction {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.target === 'field' || count === 0) return null;
  if (press.key === 'j')
    return { type: 'move', index: active === null ? 0 : Math.min(active + 1, count - 1) };
  if (press.key === 'k')
    return { type: 'move', index: active === null ? 0 : Math.max(active - 1, 0) };
  if (press.key === 'Enter' && press.target === 'other' && active !== null && active < count)
    return { type: 'open', index: active };
  return null;
}

const FIELD = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Menus, dialogs and listboxes use letters for typeahead: their keys are not ours either. */
const WIDGET = '[role="menu"], [role="dialog"], [role="alertdialog"], [role="listbox"]';
const CONTROL = 'a[href], button, summary, [role="button"], [role="link"]';

export function keyTargetOf(element: Element | null): KeyTarget {
  if (!element || typeof element.closest !== 'function') return 'other';
  if (element.closest(FIELD) || element.closest(WIDGET)) return 'field';
  if (element.closest(CONTROL)) return 'control';
  return 'other';
}
