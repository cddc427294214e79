import { BODY_TIMEOUT_MS, MAX_BODY_BYTES } from './body';
import { ingestBodySchema, lookupKeySchema, refundBodySchema, resendBodySchema } from './input';
import { answeredSchema, sentSchema } from './json-schema';
import { type ErrorCode, errorBodySchema } from './responses';
import { API_SCOPES, type ApiScope, SCOPE_OPERATIONS } from './scopes';
import {
  refundAnswerSchema,
  refundSchema,
  registeringSchema,
  resendAnswerSchema,
  resendSchema,
} from './shapes';
import { topupViewSchema } from './view';

// The shop's API as OpenAPI 3.1, served at GET /api/v1/openapi.json. Bodies are generated from
// the zod schemas that parse the requests (input.ts) and type the answers (view.ts, shapes.ts,
// responses.ts). Written by hand here: paths, statuses and what they mean, the error codes each
// status carries, scopes and headers. Hand-written parts can drift; openapi.test.ts fails when
// they disagree with the code (parsers, ERROR_CODES and the errorReply calls, SCOPE_OPERATIONS).

const schemas = {
  Registration: sentSchema(ingestBodySchema),
  RefundRequest: sentSchema(refundBodySchema),
  Topup: answeredSchema(topupViewSchema),
  Registering: answeredSchema(registeringSchema),
  RefundAnswer: answeredSchema(refundAnswerSchema),
  Refund: answeredSchema(refundSchema),
  ResendRequest: sentSchema(resendBodySchema),
  ResendAnswer: answeredSchema(resendAnswerSchema),
  Resend: answeredSchema(resendSchema),
  Error: answeredSchema(errorBodySchema),
};
const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });

/** An error answer and the codes it carries (`extra`: more properties beside them). */
const error = (codes: readonly ErrorCode[], description: string, extra: object = {}) => ({
  description,
  content: json({ allOf: [ref('Error'), { properties: { error: { enum: codes }, ...extra } }] }),
});
const unauthorized = {
  ...error(['unauthorized'], 'Missing, malformed, unknown or revoked token.'),
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
};
/** The token scope an operation needs, in the form OpenAPI 3.1 allows for bearer schemes. */
const needs = (scope: ApiScope, more = '') => ({
  description: `Needs the \`${scope}\` scope.${more && ` ${more}`}`,
  security: [{ bearer: [scope] }],
});
const forbidden = (scope: ApiScope) => ({
  ...error(
    ['insufficient_scope'],
    `\`insufficient_scope\`: the token was created without the \`${scope}\` scope. Nothing was read or changed.`,
  ),
  headers: {
    'WWW-Authenticate': {
      schema: { type: 'string' },
      description: `Bearer realm="flexy-desk", error="insufficient_scope", scope="${scope}"`,
    },
  },
});
const slowBody = error(
  ['request_timeout'],
  `\`request_timeout\`: the body did not arrive within ${BODY_TIMEOUT_MS / 1000} seconds. Nothing stored.`,
);
const tooLarge = error(['payload_too_large'], `Body larger than ${MAX_BODY_BYTES} bytes.`);
const failed = error(['internal_error'], 'Unexpected failure; the message quotes a request id.');
const registering = {
  description: 'Accepted but not yet confirmed by the upstream; poll the Location.',
  headers: {
    Location: { schema: { type: 'string' } },
    'Retry-After': { schema: { type: 'integer' } },
  },
  content: json(ref('Registering')),
};
const view = (description: string, extra: object = {}) => ({
  description,
  ...extra,
  content: json(ref('Topup')),
});
const idOrRef = {
  name: 'idOrRef',
  in: 'path',
  required: true,
  schema: sentSchema(lookupKeySchema),
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Flexy Desk API for the merchant’s shop',
    version: '1.0.0',
    description: `For the merchant’s shop: register each top-up right after OneClick \`/mobile/send\` accepted it, then read our view of it. Tokens are created by an admin in the desk (API tokens page) and sent as \`Authorization: Bearer <token>\`. Each token carries the scopes the admin chose (${API_SCOPES.map((s) => `\`${s}\``).join(', ')}); each operation names the one it needs and answers 403 \`insufficient_scope\` without it. Errors are \`{ error, message, field? }\`. Money is a decimal string in DZD; times are ISO 8601 in UTC.`,
  },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  paths: {
    '/api/v1/topups': {
      post: {
        operationId: 'registerTopup',
        summary: 'Register a top-up the shop sent (idempotent on topupId)',
        ...needs('register'),
        requestBody: {
          required: true,
          description: `JSON, at most ${MAX_BODY_BYTES} bytes. Unknown fields are refused.`,
          content: json(ref('Registration')),
        },
        responses: {
          '201': view('Confirmed upstream and stored.', {
            headers: { Location: { schema: { type: 'string' } } },
          }),
          '200': view(
            'Already registered with the same values (or an empty customer field filled).',
          ),
          '202': registering,
          '400': error(
            ['invalid_json', 'invalid_body', 'missing_field', 'unknown_field', 'invalid_field'],
            'Invalid JSON body or field; `field` names it.',
          ),
          '401': unauthorized,
          '403': forbidden('register'),
          '408': slowBody,
          '409': error(
            ['conflict'],
            'Conflicts with what is registered for this topupId (or ref); nothing changed.',
          ),
          '413': tooLarge,
          '415': error(['unsupported_media_type'], 'Content-Type is not application/json.'),
          '422': error(
            ['unknown_topup', 'ref_mismatch'],
            'The upstream does not know this topupId (`unknown_topup`), or holds it under another ref (`ref_mismatch`). Nothing stored.',
          ),
          '500': failed,
        },
      },
    },
    '/api/v1/topups/{idOrRef}': {
      get: {
        operationId: 'getTopup',
        summary: 'Our view of a top-up, by upstream id or by ref',
        ...needs('read'),
        parameters: [idOrRef],
        responses: {
          '200': view('Registered.'),
          '202': registering,
          '400': error(['invalid_field'], 'Not a plausible id or ref.'),
          '401': unauthorized,
          '403': forbidden('read'),
          '404': error(['not_found'], 'Nothing registered under this id or ref.'),
        },
      },
    },
    '/api/v1/topups/{idOrRef}/refund': {
      post: {
        operationId: 'refundTopup',
        summary: 'Refund the customer of a top-up OneClick refunded (exactly once)',
        ...needs(
          'refund',
          'The desk asks OneClick (check-id) before recording anything; only a live REFUNDED is refunded. One refund per top-up, whoever asks. `idOrRef`: an exact topupId wins; a ref shared by an original and its retries names the original; a ref shared by different top-ups is refused (409 `ambiguous_ref`). Send an `Idempotency-Key` to make retries safe: the same key and body get the same final answer (2xx, or a 4xx that cannot change); the same key with a different body gets 422. Answers that may change on a retry (5xx, 408, 429, `request_in_progress`, `refund_in_progress`, `not_found`, `not_refundable`, `ambiguous_ref`) are not kept, so retrying with the same key runs the request again. When REFUND_WEBHOOK_URL is set, your system is then notified (signed POST, refund id as idempotency key).',
        ),
        parameters: [
          idOrRef,
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ],
        requestBody: { required: false, content: json(ref('RefundRequest')) },
        responses: {
          '201': {
            description: 'Refund recorded: `{ status: "refunded", refund }`.',
            content: json(ref('RefundAnswer')),
          },
          '202': {
            description:
              'Above the approval threshold or after UNKNOWN_ERROR: waiting for a second finance user (`{ status: "awaiting_approval", refund }`).',
            content: json(ref('RefundAnswer')),
          },
          '400': error(
            ['invalid_json', 'invalid_field'],
            'Invalid body, field or Idempotency-Key.',
          ),
          '401': unauthorized,
          '403': forbidden('refund'),
          '404': error(['not_found'], 'Nothing registered under this id or ref.'),
          '408': slowBody,
          '409': error(
            ['already_refunded', 'request_in_progress', 'refund_in_progress', 'ambiguous_ref'],
            '`already_refunded` (the message says by whom and when; `refund` is the refund), `request_in_progress` for a key still running, or `refund_in_progress` while another attempt is being confirmed with OneClick (retry after the Retry-After header), or `ambiguous_ref`: the ref names different top-ups, listed in the message; nothing was done, ask again with the topupId.',
            { refund: ref('Refund') },
          ),
          '413': tooLarge,
          '415': error(
            ['unsupported_media_type'],
            'A body was sent with a Content-Type other than application/json.',
          ),
          '422': error(
            ['not_refundable', 'idempotency_key_reused'],
            '`not_refundable` (OneClick does not say REFUNDED: the message says why), or `idempotency_key_reused`.',
          ),
          '429': error(
            ['check_too_soon'],
            '`check_too_soon`: OneClick was asked about this top-up moments ago; retry after the Retry-After header.',
          ),
          '500': failed,
          '503': error(
            ['upstream_unavailable', 'refunds_busy'],
            '`upstream_unavailable`: OneClick could not confirm; nothing recorded. `refunds_busy`: the desk is handling too many refunds at once. Retry after the Retry-After header.',
          ),
        },
      },
    },
    '/api/v1/topups/{idOrRef}/resend': {
      post: {
        operationId: 'resendTopup',
        summary: 'Re-send a refunded top-up with an offer OneClick suggested (once per top-up)',
        ...needs(
          'resend',
          'When OneClick refunds a top-up because the plan did not fit the number, it suggests offers that do (`suggested_offers`). This sends the top-up again with one of them, instead of refunding the customer. The desk asks OneClick (check-id) first: only a live REFUNDED top-up whose customer was not refunded, and that no retry or follow-up may still serve, is re-sent. One re-send per top-up, whoever asks (a refused one may be asked again); it goes to OneClick under a ref derived from the top-up, so it is never sent twice, and an answer lost on the way is settled with check-ref. While it is under way or delivered, no customer refund is due; if OneClick refunds the re-send too, the refund is due again. `Idempotency-Key` as for refunds; `already_resent`, `not_resendable`, `resend_refused` and `resend_in_progress` are not kept against a key. When REFUND_WEBHOOK_URL is set, your system is then notified (`topup.resent`, signed POST, re-send id as idempotency key, with `newTopupId`).',
        ),
        parameters: [
          idOrRef,
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ],
        requestBody: { required: true, content: json(ref('ResendRequest')) },
        responses: {
          '201': {
            description: 'OneClick took it: `{ status: "sent", resend }` with `newTopupId`.',
            content: json(ref('ResendAnswer')),
          },
          '202': {
            description:
              'Above the approval threshold or after UNKNOWN_ERROR: waiting for a second finance user (`{ status: "awaiting_approval", resend }`).',
            content: json(ref('ResendAnswer')),
          },
          '400': error(
            ['invalid_json', 'invalid_field'],
            'Invalid body, field or Idempotency-Key.',
          ),
          '401': unauthorized,
          '403': forbidden('resend'),
          '404': error(['not_found'], 'Nothing registered under this id or ref.'),
          '408': slowBody,
          '409': error(
            ['already_resent', 'resend_in_progress', 'request_in_progress', 'ambiguous_ref'],
            '`already_resent` (the message says by whom and when; `resend` says where it stands), `resend_in_progress`: sent, and OneClick’s answer is being settled by its ref (or another attempt holds the top-up): ask again after the Retry-After header; `request_in_progress` for a key still running; `ambiguous_ref`: ask again with the topupId.',
            { resend: ref('Resend') },
          ),
          '413': tooLarge,
          '415': error(
            ['unsupported_media_type'],
            'A body was sent with a Content-Type other than application/json.',
          ),
          '422': error(
            ['not_resendable', 'resend_refused', 'idempotency_key_reused'],
            '`not_resendable`: the message says why (not REFUNDED at OneClick, customer already refunded, not one of its suggested offers, a linked order may still serve the customer). `resend_refused`: OneClick refused the send (`resend.error`: its code, e.g. `INSUFFICIENT_BALANCE`, and `field` for `ERR_VALIDATION`); nothing was spent, and it may be asked again. Or `idempotency_key_reused`.',
            { resend: ref('Resend') },
          ),
          '429': error(
            ['check_too_soon'],
            '`check_too_soon`: OneClick was asked about this top-up moments ago; retry after the Retry-After header.',
          ),
          '500': failed,
          '503': error(
            ['upstream_unavailable', 'refunds_busy'],
            '`upstream_unavailable`: OneClick could not confirm the top-up; nothing was sent. `refunds_busy`: the desk is handling too many refunds and re-sends at once. Retry after the Retry-After header.',
          ),
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This document',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1' } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: `\`fdk_…\` token from the desk, with the scopes the admin chose: ${API_SCOPES.map((s) => `\`${s}\` for ${SCOPE_OPERATIONS[s]}`).join('; ')}.`,
      },
    },
    schemas,
  },
};
