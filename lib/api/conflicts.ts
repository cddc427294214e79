import type { IngestInput } from './input';

// One rule for "is this registration the same one again?", used for top-ups we hold and for
// registrations still queued: a value already set must match; an empty one may be filled.

export type Registered = {
  ref: string | null;
  customerRef: string | null;
  customerPrice: string | null;
};

export type Conflict = { field: 'ref' | 'customerRef' | 'customerPrice'; message: string };

/**
 * `refKnown`: the held ref comes from the upstream (a stored top-up), so a different or an
 * extra ref is a conflict. For a queued registration the ref is only what the shop said, so a
 * missing one may still be filled.
 */
export function findConflict(
  topupId: string,
  held: Registered,
  input: IngestInput,
  opts: { refKnown: boolean },
): Conflict | null {
  if (input.ref !== undefined && input.ref !== held.ref && (opts.refKnown || held.ref !== null)) {
    return {
      field: 'ref',
      message: held.ref
        ? `ref does not match: top-up ${topupId} is registered with ref ${JSON.stringify(held.ref)}.`
        : `ref does not match: top-up ${topupId} has no ref upstream.`,
    };
  }
  for (const field of ['customerRef', 'customerPrice'] as const) {
    const value = input[field];
    const current = held[field];
    if (value !== undefined && current !== null && value !== current) {
      return {
        field,
        message: `${field} is already set to ${JSON.stringify(current)} for top-up ${topupId}; it cannot be changed through the API.`,
      };
    }
  }
  return null;
}

/** The fields this registration sets that were still empty. */
export function fillsFor(held: Registered, input: IngestInput): Partial<Registered> {
  const fills: Partial<Registered> = {};
  if (input.ref !== undefined && held.ref === null) fills.ref = input.ref;
  if (input.customerRef !== undefined && held.customerRef === null)
    fills.customerRef = input.customerRef;
  if (input.customerPrice !== undefined && held.customerPrice === null)
    fills.customerPrice = input.customerPrice;
  return fills;
}
