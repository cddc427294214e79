import { z } from 'zod';

// The shapes every /api/v1 answer takes. Errors are `{ error, message, field? }`: a stable
// code for the shop's program, a sentence for the person reading its logs, never a stack.

export const ERROR_CODES = [
  'unauthorized',
  'insufficient_scope',
  'unsupported_media_type',
  'payload_too_large',
  'request_timeout',
  'invalid_json',
  'invalid_body',
  'missing_field',
  'unknown_field',
  'invalid_field',
  'conflict',
  'unknown_topup',
  'ref_mismatch',
  'not_found',
  'ambiguous_ref',
  'already_refunded',
  'not_refundable',
  'already_resent',
  'not_resendable',
  'resend_refused',
  'resend_in_progress',
  'upstream_unavailable',
  'idempotency_key_reused',
  'request_in_progress',
  'refund_in_progress',
  'refunds_busy',
  'check_too_soon',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error answer; the API document's `Error` is generated from it. */
export const errorBodySchema = z.object({
  error: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional().meta({ description: 'The field or header at fault.' }),
});
export type ApiErrorBody = z.output<typeof errorBodySchema>;

/** What a handler answers, before it becomes a `Response` (kept plain for tests). */
export type ApiReply = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

export function errorReply(
  status: number,
  error: ErrorCode,
  message: string,
  extra: { field?: string; headers?: Record<string, string> } = {},
): ApiReply {
  const body: ApiErrorBody = { error, message };
  if (extra.field !== undefined) body.field = extra.field;
  return { status, body, headers: extra.headers };
}

export function toResponse(reply: ApiReply): Response {
  return Response.json(reply.body, {
    status: reply.status,
    // Answers carry customer data and change over time: no shared or browser caching.
    headers: { 'cache-control': 'no-store', ...reply.headers },
  });
}

/** Field names come from the caller: keep them short and printable before echoing them. */
export function safeFieldName(name: string): string {
  const printable = name.replace(/[^\x20-\x7E]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
}
