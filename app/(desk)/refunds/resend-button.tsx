'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogRoot,
  DialogTrigger,
} from '@/components/ui/dialog';
import { preloadToaster, toast } from '@/components/ui/toast';
import { useAction } from '@/components/ui/use-action';
import type { SuggestedOffer } from '@/db/schema';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDzd } from '@/lib/i18n/money';
import { resendAction, resendQuoteAction } from './resend-actions';

type Said = { tone: 'danger'; text: string };
type Quote = { cost: string | null; enabled: boolean } | 'loading' | null;

/**
 * "Re-send as …" for one suggested offer: a dialog with the phone, the plan, what the customer
 * gets and what it costs our balance, then Confirm. The answer says what happened at OneClick.
 */
export function ResendButton({
  id,
  phone,
  offer: suggested,
}: {
  id: number;
  phone: string;
  /** One of the order's suggested offers, as OneClick gave it. */
  offer: SuggestedOffer;
}) {
  const t = useT();
  const locale = useLocale();
  const offer = {
    typename: suggested.typename,
    planCode: suggested.plan_code,
    amount: String(suggested.amount),
  };
  const amountText = formatDzd(offer.amount, locale, t('money.currency'));
  const [open, setOpen] = useState(false);
  const [quote, setQuote] = useState<Quote>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const { pending, run } = useAction();

  function opened(next: boolean) {
    setOpen(next);
    if (next) preloadToaster();
    if (!next || quote !== null) return;
    setQuote('loading');
    resendQuoteAction({ planCode: offer.planCode, amount: offer.amount }).then((r) =>
      setQuote(
        r.ok ? { cost: r.data.cost, enabled: r.data.enabled } : { cost: null, enabled: true },
      ),
    );
  }

  function confirm() {
    run(() => resendAction({ id, planCode: offer.planCode, amount: offer.amount }), {
      success: () => '',
      onSuccess: (r) => {
        setOpen(false);
        // Made, waiting or settling: the button leaves the page with the refresh, and the re-send
        // panel says where it stands. Said in a toast, which outlives the button.
        const why =
          r.approvalReason === 'unknown_error'
            ? t('refund.approvalUnknown')
            : r.approvalReason === 'linked_orders'
              ? t('refund.approvalLinked')
              : t('refund.approvalAmount');
        if (r.kind === 'sent')
          toast({ title: t('resend.sent', { id: r.newTopupId ?? '?' }), tone: 'success' });
        else if (r.kind === 'sending')
          toast({ title: t('resend.sending', { ref: r.ref }), tone: 'info' });
        else if (r.kind === 'awaiting_approval')
          toast({ title: t('resend.awaiting', { why }), tone: 'info' });
        // Not sent: the button stays for another try, with why beside it.
        else if (r.kind === 'failed')
          setSaid({
            tone: 'danger',
            text:
              r.errorCode === 'INSUFFICIENT_BALANCE' || r.errorCode === 'NO_BALANCE'
                ? t('resend.failedBalance', { message: r.errorMessage ?? '' })
                : r.errorField
                  ? t('resend.failedValidation', {
                      field: r.errorField,
                      message: r.errorMessage ?? '',
                    })
                  : t('resend.failed', { message: r.errorMessage ?? r.errorCode ?? '' }),
          });
      },
      onError: (error) => {
        setOpen(false);
        setSaid({ tone: 'danger', text: error });
      },
    });
  }

  const costText =
    quote === 'loading' || quote === null
      ? t('resend.costLoading')
      : quote.cost
        ? formatDzd(quote.cost, locale, t('money.currency'))
        : t('resend.costUnknown');
  return (
    <div className="space-y-2">
      <DialogRoot open={open} onOpenChange={opened}>
        <DialogTrigger asChild>
          <Button size="sm" data-testid={`resend-${offer.planCode}`}>
            {t('resend.action', { plan: offer.planCode })}
          </Button>
        </DialogTrigger>
        <DialogContent
          title={t('resend.dialogTitle', { plan: offer.planCode })}
          description={t('resend.served')}
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-fg">{t('resend.phone')}</dt>
            <dd className="ltr-isolate font-medium">{phone}</dd>
            <dt className="text-muted-fg">{t('resend.plan')}</dt>
            <dd>
              <bdi>{offer.typename}</bdi>{' '}
              <span className="font-mono text-xs">{offer.planCode}</span>
            </dd>
            <dt className="text-muted-fg">{t('resend.amount')}</dt>
            <dd className="ltr-isolate font-medium">{amountText}</dd>
            <dt className="text-muted-fg">{t('resend.cost')}</dt>
            <dd className="ltr-isolate" data-testid="resend-cost">
              {costText}
            </dd>
          </dl>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t('resend.cancel')}</Button>
            </DialogClose>
            <Button onClick={confirm} disabled={pending} data-testid="resend-confirm">
              {pending ? t('resend.working') : t('resend.confirm')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </DialogRoot>
      {said ? (
        <Alert tone={said.tone} data-testid="resend-result">
          {said.text}
        </Alert>
      ) : null}
    </div>
  );
}
