'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
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
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  function confirm(form: FormData) {
    startTransition(async () => {
      const res = await refundCustomer({
        id,
        reason: form.get('reason') ?? undefined,
        note: form.get('note') ?? undefined,
      });
      if (res.ok) {
        const why =
          res.data.approvalReason === 'unknown_error'
            ? t('refund.approvalUnknown')
            : res.data.approvalReason === 'linked_orders'
              ? t('refund.approvalLinked')
              : t('refund.approvalAmount');
        setResult({
          ok: true,
          text:
            res.data.kind === 'awaiting_approval'
              ? t('refund.awaiting', { why })
              : t('refund.recorded'),
        });
      } else setResult({ ok: false, text: res.error });
      setOpen(false);
      // In a queue the row leaves the list on success: say so on the page it lands on.
      if (res.ok && afterHref) router.push(afterHref);
      else router.refresh();
    });
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
            <Field id={`refund-reason-${id}`} label={t('refund.reason')}>
              <Input id={`refund-reason-${id}`} name="reason" maxLength={200} />
            </Field>
            <Field id={`refund-note-${id}`} label={t('refund.note')}>
              <Input id={`refund-note-${id}`} name="note" maxLength={2000} />
            </Field>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">{t('refund.cancel')}</Button>
              </DialogClose>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? t('refund.working') : t('refund.confirm')}
              </Button>
            </div>
          </form>
        </DialogContent>
      </DialogRoot>
      {result ? (
        <Alert tone={result.ok ? 'success' : 'danger'} data-testid="refund-result">
          {result.text}
        </Alert>
      ) : null}
    </div>
  );
}
