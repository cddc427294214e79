import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import type { LinkedOrders, Order } from '@/db/queries/order-detail';
import { getT } from '@/lib/i18n/server';

/** OneClick's retries and follow-ups of this order, its re-send, and the original it belongs to. */
export async function LinkedOrdersSection({
  order,
  linked,
}: {
  order: Pick<Order, 'linkKind'>;
  linked: LinkedOrders;
}) {
  const t = await getT();
  const rows: {
    key: string;
    label: string;
    link: { id: number; status: Order['status'] } | null;
    topupId: string;
  }[] = [];
  if (linked.parent)
    rows.push({
      key: 'parent',
      label: t(
        order.linkKind === 'follow'
          ? 'sync.links.followOf'
          : order.linkKind === 'resend'
            ? 'resend.resendOf'
            : 'sync.links.retryOf',
        { id: linked.parent.topupId },
      ),
      link: linked.parent,
      topupId: linked.parent.topupId,
    });
  for (const [key, entry, label] of [
    ['retry', linked.retry, 'sync.links.retriedAs'],
    ['follow', linked.follow, 'sync.links.followedBy'],
    ['resend', linked.resend, 'resend.resentAs'],
  ] as const)
    if (entry)
      rows.push({
        key,
        label: t(label, { id: entry.topupId }),
        link: entry.order,
        topupId: entry.topupId,
      });
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="linked" className="space-y-2" data-testid="linked-orders">
      <h2 id="linked" className="text-lg font-medium">
        {t('sync.links.title')}
      </h2>
      <ul className="space-y-1">
        {rows.map((r) => (
          <li
            key={r.key}
            className="flex flex-wrap items-center gap-2"
            data-testid={`linked-${r.key}`}
          >
            {r.link ? (
              <>
                <Link
                  href={`/orders/${r.link.id}`}
                  className="text-primary underline underline-offset-2"
                >
                  <bdi>{r.label}</bdi>
                </Link>
                <StatusBadge status={r.link.status} label={t(`status.${r.link.status}`)} />
              </>
            ) : (
              <span>
                <bdi>{r.label}</bdi> ({t('sync.links.notFetched')})
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
