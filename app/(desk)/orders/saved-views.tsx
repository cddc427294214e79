import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { getT } from '@/lib/i18n/server';
import type { savedViewsFor } from '@/lib/views/orders-page';
import { SHAREABLE_ROLES } from '@/lib/views/policy';
import { ManageViewsDialog } from './manage-views-dialog';
import { SaveViewDialog } from './save-view-dialog';

/** The person's saved views as tabs (their own and those shared with their role). */
export async function SavedViews({ views }: { views: Awaited<ReturnType<typeof savedViewsFor>> }) {
  const t = await getT();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {views.tabs.length ? (
        <nav aria-label={t('views.tabs')} className="min-w-0 flex-1 overflow-x-auto">
          <ul className="flex gap-1">
            {views.tabs.map((tab) => (
              <li key={tab.id}>
                <Link
                  href={tab.href}
                  aria-current={tab.active ? 'page' : undefined}
                  data-testid="saved-view-tab"
                  className={cn(
                    'flex items-center gap-1.5 whitespace-nowrap rounded-full border px-3 py-1 text-sm',
                    tab.active
                      ? 'border-primary bg-primary/10 font-semibold text-primary'
                      : 'border-border text-fg hover:bg-muted',
                  )}
                >
                  {tab.name}
                  {tab.pinned ? (
                    <span className="rounded-full bg-muted px-1.5 text-xs text-fg">
                      {t('views.defaultBadge')}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <div className="flex-1" />
      )}
      <SaveViewDialog query={views.currentQuery} roles={[...SHAREABLE_ROLES]} />
      {views.managed.length ? (
        <ManageViewsDialog
          views={views.managed}
          canPin={views.canPin}
          roles={[...SHAREABLE_ROLES]}
        />
      ) : null}
    </div>
  );
}
