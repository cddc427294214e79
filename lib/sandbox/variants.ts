import type { TopupView } from './flows';
import { FACTURE_OFFER } from './messages';

/**
 * Ways the upstream's answers may differ from the happy examples, switched on by tests so a
 * client's parser meets them: optional envelope parts, fields the docs do not list, and one
 * order's item coming out malformed. They change only what goes over HTTP; the controls keep
 * answering the clean view.
 */

/** The send, balance and validate examples omit `requestId`; validate's omits `meta`. */
export type EnvelopeOptions = { requestId?: boolean; meta?: boolean };

/** `true` adds the defaults below; an object replaces them. */
export type ExtraFieldsOption =
  | boolean
  | { topup?: Record<string, unknown>; envelope?: Record<string, unknown> };

export const GARBLE_KINDS = [
  'unknown-status',
  'missing-balance',
  'string-offer-amount',
  'number-ref',
  'number-msisdn',
  'missing-id',
  'not-an-object',
] as const;
export type GarbleKind = (typeof GARBLE_KINDS)[number];

/** What the envelope writer needs: which optional parts to keep, what to add at the top. */
export type EnvelopeShape = EnvelopeOptions & { extra?: Record<string, unknown> };

const DEFAULT_ENVELOPE_EXTRA = { version: '3.1' };
// Mongo's version key and an operator transaction id: what a real document would leak.
const defaultTopupExtra = (view: TopupView) => ({
  __v: 0,
  operator_ref: `OP-${view._id.slice(-10).toUpperCase()}`,
});

/** A JSON number from a ref's digits, as a store that coerced a numeric ref would send. */
const refAsNumber = (ref: string) => Number(ref.replace(/\D/g, '').slice(0, 15) || '1');

function garbleItem(item: Record<string, unknown>, kind: GarbleKind): unknown {
  const { _id, balance_amount, ...rest } = item;
  switch (kind) {
    case 'unknown-status':
      return { ...item, status: 'PROCESSING' };
    case 'missing-balance':
      return { _id, ...rest };
    case 'string-offer-amount': {
      const offers = (item.suggested_offers as { amount: number }[] | undefined) ?? [FACTURE_OFFER];
      return {
        ...item,
        suggested_offers: offers.map((offer) => ({ ...offer, amount: String(offer.amount) })),
      };
    }
    case 'number-ref':
      return { ...item, ref: refAsNumber(String(item.ref)) };
    case 'number-msisdn':
      return { ...item, MSSIDN: Number(item.MSSIDN) };
    case 'missing-id':
      return { balance_amount, ...rest };
    case 'not-an-object':
      return 'oops';
  }
}

export function createVariants(init: {
  envelope?: EnvelopeOptions;
  extraFields?: ExtraFieldsOption;
}) {
  let envelope: EnvelopeOptions = { ...init.envelope };
  let extra: ExtraFieldsOption = init.extraFields ?? false;
  const garbled = new Map<string, GarbleKind>();

  return {
    /** Replaces the envelope options: a part left out of `options` is sent again. */
    setEnvelope(options: EnvelopeOptions) {
      envelope = { ...options };
    },
    setExtraFields(option: ExtraFieldsOption) {
      extra = option;
    },
    garble(topupId: string, kind: GarbleKind | null) {
      if (kind === null) garbled.delete(topupId);
      else garbled.set(topupId, kind);
    },
    clear() {
      envelope = {};
      extra = false;
      garbled.clear();
    },
    envelopeShape(): EnvelopeShape {
      if (extra === false) return envelope;
      const fields = extra === true ? DEFAULT_ENVELOPE_EXTRA : (extra.envelope ?? {});
      return { ...envelope, extra: fields };
    },
    /** The top-up object as it goes over HTTP. */
    presentTopup(view: TopupView): unknown {
      const fields =
        extra === false ? {} : extra === true ? defaultTopupExtra(view) : (extra.topup ?? {});
      const item = { ...view, ...fields };
      const kind = garbled.get(view._id);
      return kind ? garbleItem(item, kind) : item;
    },
  };
}

export type Variants = ReturnType<typeof createVariants>;
