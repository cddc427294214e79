'use client';

import { useRouter } from 'next/navigation';
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
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { refundCustomer } from './actions';

/** Refund, confirm, done: the dialog shows the amount and the phone before anything happens. */
export function RefundButton({
  id,
  amount,
  phone,
  afterHref,
}: {
  id: number;
  amount: string;
  phone: string;
  afterHref?: string;
}) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, outcome, run } = useAction();

  function confirm(form: FormData) {
    run(
      () =>
        refundCustomer({
          id,
          reason: form.get('reason') ?? undefined,
          note: form.get('note') ?? undefined,
        }),
      {
        success: (data) => {
          if (data.kind !== 'awaiting_approval') return t('refund.recorded');
          const why =
            data.approvalReason === 'unknown_error'
              ? t('refund.approvalUnknown')
              : data.approvalReason === 'linked_orders'
                ? t('refund.approvalLinked')
                : t('refund.approvalAmount');
          return t('refund.awaiting', { why });
        },
        // In a queue the row leaves the list on success: say so on the page it lands on.
        refresh: !afterHref,
        onSuccess: () => {
          setOpen(false);
          if (afterHref) router.push(afterHref);
        },
        onError: () => {
          setOpen(false);
          if (afterHref) router.refresh();
        },
      },
    );
  }

  return (
    <div className="space-y-2">
      <DialogRoot open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="danger" data-testid={`refund-button-${id}`}>
            {t('refund.button')}
          </Button>
        </DialogTrigger>
        <DialogContent
          title={t('refund.dialogTitle')}
          description={t('refund.dialogBody', { amount, phone })}
        >
          <form action={confirm} className="space-y-3">
            <p className="rounded-md bg-muted p-3 text-center text-lg font-semibold">
              <span className="ltr-isolate">{amount}</span> →{' '}
              <span className="ltr-isolate">{phone}</span>
            </p>
            <Field label={t('refund.reason')}>
              <Input name="reason" maxLength={200} />
            </Field>
            <Field label={t('refund.note')}>
              <Input name="note" maxLength={2000} />
            </Field>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">{t('refund.cancel')}</Button>
              </DialogClose>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? t('refund.working') : t('refund.confirm')}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </DialogRoot>
      {outcome ? (
        <Alert tone={outcome.ok ? 'success' : 'danger'} data-testid="refund-result">
          {outcome.text}
        </Alert>
      ) : null}
    </div>
  );
}
