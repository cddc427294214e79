import { ResendButton } from '@/app/(desk)/refunds/resend-button';
import { CopyButton } from '@/components/copy-button';
import { Card } from '@/components/ui/card';
import type { SuggestedOffer } from '@/db/schema';
import { glossFor } from '@/lib/i18n/glosses';
import { languageOf } from '@/lib/i18n/locales';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';

/** OneClick's Arabic message, as-is and right-to-left, ready to copy to the customer. */
export async function CustomerMessage({
  message,
  offers,
  resend = null,
}: {
  message: string | null;
  offers: SuggestedOffer[];
  /** Set when this person may re-send the order with one of the offers (lib/resends). */
  resend?: { orderId: number; phone: string } | null;
}) {
  const [t, locale] = [await getT(), await getLocale()];
  const gloss = glossFor(message);
  return (
    <Card className="space-y-3 p-4" data-testid="customer-message">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-lg font-medium">{t('order.tellCustomer')}</h2>
          <p className="text-sm text-muted-fg">{t('order.tellCustomerHelp')}</p>
        </div>
        {message ? (
          <CopyButton text={message} label={t('order.copy')} copiedLabel={t('order.copied')} />
        ) : null}
      </div>
      {message ? (
        <p
          dir="rtl"
          lang="ar"
          className="rounded-md bg-muted p-3 text-lg leading-relaxed"
          data-testid="refund-message"
        >
          {message}
        </p>
      ) : null}
      {message && gloss && languageOf(locale) !== 'ar' ? (
        <p className="text-sm" data-testid="refund-gloss">
          <strong>{t('gloss.title')}:</strong> {t(gloss)}
        </p>
      ) : null}
      {offers.length ? (
        <div>
          <h3 className="font-medium">{t('order.offers')}</h3>
          <p className="text-sm text-muted-fg">{t('order.offersHelp')}</p>
          <ul className="mt-2 space-y-1">
            {offers.map((offer) => (
              <li
                key={`${offer.plan_code}-${offer.amount}`}
                className="flex flex-wrap items-center gap-2 rounded-md border border-border px-3 py-2 text-sm"
              >
                <span dir="auto">{offer.typename}</span>
                <span className="font-mono text-xs">{offer.plan_code}</span>
                <span className="ltr-isolate ms-auto">
                  {formatDzd(String(offer.amount), locale, t('money.currency'))}
                </span>
                {resend ? (
                  <ResendButton id={resend.orderId} phone={resend.phone} offer={offer} />
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
