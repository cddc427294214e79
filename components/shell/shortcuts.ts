// The desk's global keyboard shortcuts. `g` then a letter opens a page; which pages a person
// gets follows the navigation (lib/nav.ts and its capabilities), so a shortcut never leads to a
// page the person may not open, and the help list never shows one.

export const GO_SHORTCUTS = [
  { key: 'o', href: '/orders' },
  { key: 'u', href: '/unknown' },
  { key: 'r', href: '/refunds' },
] as const;

/** How long `g` waits for its second key. */
export const SEQUENCE_MS = 1500;

export type GoShortcut = { key: string; href: string; label: string };

/** The go-to shortcuts whose page is among the navigation items the person has. */
export function goShortcuts(allowed: { href: string; label: string }[]): GoShortcut[] {
  return GO_SHORTCUTS.flatMap((s) => {
    const item = allowed.find((i) => i.href === s.href);
    return item ? [{ key: s.key, href: s.href, label: item.label }] : [];
  });
}

/** Keys typed into a field, or chorded with Ctrl/Meta/Alt, belong to that field or the browser. */
export function ignoredKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
    return true;
  // Inside a dialog, keys belong to the dialog (Escape closes it).
  return target.closest('[role="dialog"], [role="alertdialog"]') !== null;
}
