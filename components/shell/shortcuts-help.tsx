'use client';

import { Fragment, type ReactNode } from 'react';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';
import type { GoShortcut } from './shortcuts';

function Keys({ keys, then }: { keys: string[]; then: string }) {
  return (
    <span className="flex shrink-0 items-center gap-1 text-xs text-muted-fg" dir="ltr">
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 ? <span>{then}</span> : null}
          <kbd className="rounded border border-border bg-muted px-1.5 py-0.5 font-mono text-fg">
            {key}
          </kbd>
        </Fragment>
      ))}
    </span>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      <ul className="space-y-1.5">{children}</ul>
    </section>
  );
}

function Item({ keys, label, then }: { keys: string[]; label: string; then: string }) {
  return (
    <li className="flex items-center justify-between gap-4 text-sm">
      <span>{label}</span>
      <Keys keys={keys} then={then} />
    </li>
  );
}

/** The list of shortcuts the person can use (`?`); Escape closes it and focus returns. */
export function ShortcutsHelp({
  open,
  onOpenChange,
  goTo,
  searchLabel,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  goTo: GoShortcut[];
  searchLabel: string | null;
}) {
  const t = useT();
  const then = t('views.shortcuts.thenKey');
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={t('views.shortcuts.title')}
        description={t('views.shortcuts.description')}
      >
        <div className="space-y-4" data-testid="shortcuts-help">
          {goTo.length ? (
            <Group title={t('views.shortcuts.goGroup')}>
              {goTo.map((s) => (
                <Item key={s.key} keys={['g', s.key]} label={s.label} then={then} />
              ))}
            </Group>
          ) : null}
          <Group title={t('views.shortcuts.tableGroup')}>
            <Item keys={['j']} label={t('views.shortcuts.nextRow')} then={then} />
            <Item keys={['k']} label={t('views.shortcuts.previousRow')} then={then} />
            <Item keys={['Enter']} label={t('views.shortcuts.openRow')} then={then} />
          </Group>
          <Group title={t('views.shortcuts.generalGroup')}>
            {searchLabel ? <Item keys={['/']} label={searchLabel} then={then} /> : null}
            <Item keys={['?']} label={t('views.shortcuts.help')} then={then} />
            <Item keys={['Esc']} label={t('views.shortcuts.closeHelp')} then={then} />
          </Group>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
