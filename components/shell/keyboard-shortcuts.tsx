'use client';

import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { type GoShortcut, ignoredKey, SEQUENCE_MS } from './shortcuts';

// The list of shortcuts (a dialog) is fetched the first time someone presses `?`.
const ShortcutsHelp = lazy(() =>
  import('./shortcuts-help').then((m) => ({ default: m.ShortcutsHelp })),
);

/**
 * Listens for the desk's global shortcuts: `g` + letter opens a page, `?` the list of
 * shortcuts. Each navigation is announced politely to screen readers. Row shortcuts
 * (`j`/`k`/Enter) belong to the tables themselves and are only listed here.
 */
export function KeyboardShortcuts({
  goTo,
  searchLabel,
}: {
  goTo: GoShortcut[];
  /** The label of `/` (jump to search), when the person has the search box. */
  searchLabel: string | null;
}) {
  const t = useT();
  const router = useRouter();
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpWanted, setHelpWanted] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const waitingSince = useRef<number | null>(null);

  const announce = useCallback((text: string) => {
    // Cleared first so the same words are read again on a second visit.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(text), 50);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || ignoredKey(event)) return;
      const key = event.key;
      const since = waitingSince.current;
      waitingSince.current = null;
      if (since !== null && Date.now() - since <= SEQUENCE_MS) {
        const target = goTo.find((s) => s.key === key.toLowerCase());
        if (target) {
          event.preventDefault();
          announce(t('views.shortcuts.navigating', { page: target.label }));
          router.push(target.href);
          return;
        }
      }
      if (key === 'g' && !event.shiftKey && goTo.length > 0) {
        waitingSince.current = Date.now();
        return;
      }
      if (key === '?') {
        event.preventDefault();
        setHelpWanted(true);
        setHelpOpen(true);
      }
    };
    document.addEventListener('keydown', onKey);
    // Says the keys work from now on: keys pressed before the page's scripts ran did nothing,
    // and a test (or an extension) can wait for this instead of guessing.
    document.documentElement.dataset.shortcuts = 'on';
    return () => {
      document.removeEventListener('keydown', onKey);
      delete document.documentElement.dataset.shortcuts;
    };
  }, [goTo, router, t, announce]);

  return (
    <>
      <p role="status" aria-live="polite" className="sr-only" data-testid="shortcut-announcer">
        {announcement}
      </p>
      {helpWanted ? (
        <Suspense fallback={null}>
          <ShortcutsHelp
            open={helpOpen}
            onOpenChange={setHelpOpen}
            goTo={goTo}
            searchLabel={searchLabel}
          />
        </Suspense>
      ) : null}
    </>
  );
}
