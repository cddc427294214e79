import type { Key } from '../i18n';

/**
 * A refusal the person can act on ("this email is taken"). Actions turn it into
 * `{ ok: false, error }` in the person's language; anything else is an unexpected failure.
 */
export class UserFacingError extends Error {
  constructor(
    readonly messageKey: Key,
    readonly options: {
      field?: string;
      params?: Record<string, string | number>;
      /** The service already wrote the audit row for this refusal. */
      audited?: boolean;
    } = {},
  ) {
    super(messageKey);
    this.name = 'UserFacingError';
  }
}
