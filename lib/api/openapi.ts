import { BODY_TIMEOUT_MS, MAX_BODY_BYTES } from './body';
import { FIELD_RULES } from './input';
import { ERROR_CODES } from './responses';
import { API_SCOPES, type ApiScope } from './scopes';

// The ingest API as OpenAPI 3.1, served at GET /api/v1/openapi.json. Field rules and error
// codes come from the modules that enforce them, so the document cannot drift from the code.

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const unauthorized = {
  ...error('Missing, malformed, unknown or revoked token.'),
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
};
/** The token scope an operation needs, in the form OpenAPI 3.1 allows for bearer schemes. */
const needs = (scope: ApiScope) => ({ security: [{ bearer: [scope] }] });
const forbidden = (scope: ApiScope) => ({
  ...error(
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
  `\`request_timeout\`: the body did not arrive within ${BODY_TIMEOUT_MS / 1000} seconds. Nothing stored.`,
);
const registering = {
  description: 'Accepted but not yet confirmed by the upstream; poll the Location.',
  headers: {
    Location: { schema: { type: 'string' } },
    'Retry-After': { schema: { type: 'integer' } },
  },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Registering' } } },
};
const view = (description: string, extra: object = {}) => ({
  description,
  ...extra,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Topup' } } },
});
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });
const money = { type: 'string', pattern: '^\\d+\\.\\d{2}$', examples: ['500.00'] };

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
        description: 'Needs the `register` scope.',
        ...needs('register'),
        requestBody: {
          required: true,
          description: `JSON, at most ${MAX_BODY_BYTES} bytes. Unknown fields are refused.`,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/Registration' } },
          },
        },
        responses: {
          '201': view('Confirmed upstream and stored.', {
            headers: { Location: { schema: { type: 'string' } } },
          }),
          '200': view(
            'Already registered with the same values (or an empty customer field filled).',
          ),
          '202': registering,
          '400': error('Invalid JSON body or field; `field` names it.'),
          '401': unauthorized,
          '403': forbidden('register'),
          '408': slowBody,
          '409': error(
            'Conflicts with what is registered for this topupId (or ref); nothing changed.',
          ),
          '413': error(`Body larger than ${MAX_BODY_BYTES} bytes.`),
          '415': error('Content-Type is not application/json.'),
          '422': error(
            'The upstream does not know this topupId (`unknown_topup`), or holds it under another ref (`ref_mismatch`). Nothing stored.',
          ),
          '500': error('Unexpected failure; the message quotes a request id.'),
        },
      },
    },
    '/api/v1/topups/{idOrRef}': {
      get: {
        operationId: 'getTopup',
        summary: 'Our view of a top-up, by upstream id or by ref',
        description: 'Needs the `read` scope.',
        ...needs('read'),
        parameters: [
          {
            name: 'idOrRef',
            in: 'path',
            required: true,
            schema: { type: 'string', maxLength: 128 },
          },
        ],
        responses: {
          '200': view('Registered.'),
          '202': registering,
          '400': error('Not a plausible id or ref.'),
          '401': unauthorized,
          '403': forbidden('read'),
          '404': error('Nothing registered under this id or ref.'),
        },
      },
    },
    '/api/v1/topups/{idOrRef}/refund': {
      post: {
        operationId: 'refundTopup',
        summary: 'Refund the customer of a top-up OneClick refunded (exactly once)',
        description:
          'Needs the `refund` scope. The desk asks OneClick (check-id) before recording anything; only a live REFUNDED is refunded. One refund per top-up, whoever asks. `idOrRef`: an exact topupId wins; a ref shared by an original and its retries names the original; a ref shared by different top-ups is refused (409 `ambiguous_ref`). Send an `Idempotency-Key` to make retries safe: the same key and body get the same final answer (2xx, or a 4xx that cannot change); the same key with a different body gets 422. Answers that may change on a retry (5xx, 408, 429, `request_in_progress`, `not_found`, `not_refundable`, `ambiguous_ref`) are not kept, so retrying with the same key runs the request again. When REFUND_WEBHOOK_URL is set, your system is then notified (signed POST, refund id as idempotency key).',
        ...needs('refund'),
        parameters: [
          {
            name: 'idOrRef',
            in: 'path',
            required: true,
            schema: { type: 'string', maxLength: 128 },
          },
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', maxLength: 255 },
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  reason: { type: 'string', maxLength: 200 },
                  note: { type: 'string', maxLength: 2000 },
                },
              },
            },
          },
        },
        responses: {
          '201': { description: 'Refund recorded: `{ status: "refunded", refund }`.' },
          '202': {
            description:
              'Above the approval threshold or after UNKNOWN_ERROR: waiting for a second finance user (`{ status: "awaiting_approval", refund }`).',
          },
          '400': error('Invalid body, field or Idempotency-Key.'),
          '401': unauthorized,
          '403': forbidden('refund'),
          '404': error('Nothing registered under this id or ref.'),
          '408': slowBody,
          '409': error(
            '`already_refunded` (the message says by whom and when), `request_in_progress` for a key still running (retry after the Retry-After header), or `ambiguous_ref`: the ref names different top-ups, listed in the message; nothing was done, ask again with the topupId.',
          ),
          '413': error(`Body larger than ${MAX_BODY_BYTES} bytes.`),
          '415': error('A body was sent with a Content-Type other than application/json.'),
          '422': error(
            '`not_refundable` (OneClick does not say REFUNDED: the message says why), or `idempotency_key_reused`.',
          ),
          '503': error(
            '`upstream_unavailable`: OneClick could not confirm; nothing recorded. Retry after the Retry-After header.',
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
      bearer: { type: 'http', scheme: 'bearer', description: '`fdk_…` token from the desk.' },
    },
    schemas: {
      Registration: {
        type: 'object',
        additionalProperties: false,
        required: ['topupId'],
        properties: {
          topupId: {
            type: 'string',
            pattern: '^[A-Za-z0-9_-]{1,64}$',
            description: `The upstream topupId from /mobile/send; ${FIELD_RULES.topupId}.`,
          },
          ref: {
            type: 'string',
            minLength: 1,
            maxLength: 128,
            description: `Your ref as sent to /mobile/send; ${FIELD_RULES.ref}.`,
          },
          customerRef: {
            type: 'string',
            minLength: 1,
            maxLength: 128,
            description: `Your customer or order reference; ${FIELD_RULES.customerRef}.`,
          },
          customerPrice: {
            oneOf: [
              { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
              { type: 'string', pattern: '^(0|[1-9][0-9]{0,9})(\\.[0-9]{1,2})?$' },
            ],
            description: `What the customer paid, in DZD; ${FIELD_RULES.customerPrice}. Never a fractional JSON number.`,
          },
        },
      },
      Topup: {
        type: 'object',
        properties: {
          topupId: { type: 'string' },
          ref: nullable('string'),
          status: { enum: ['PENDING', 'HANDLING', 'FULFILLED', 'REFUNDED', 'UNKNOWN_ERROR'] },
          planCode: { type: 'string' },
          operator: { type: 'string' },
          msisdn: { type: 'string', examples: ['0778037340'] },
          topupAmount: money,
          balanceAmount: nullable('string', { pattern: money.pattern }),
          customerRef: nullable('string'),
          customerPrice: nullable('string', { pattern: money.pattern }),
          refundMessage: nullable('string', { description: 'Arabic text for the end customer.' }),
          suggestedOffers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                typename: { type: 'string' },
                plan_code: { type: 'string' },
                amount: { type: 'string' },
              },
            },
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
            description: 'Upstream creation time.',
          },
          firstSeenAt: { type: 'string', format: 'date-time' },
          statusChangedAt: { type: 'string', format: 'date-time' },
          finalizedAt: nullable('string', { format: 'date-time' }),
          nextCheckAt: nullable('string', { format: 'date-time' }),
        },
      },
      Registering: {
        type: 'object',
        required: ['status', 'topupId'],
        properties: { status: { const: 'registering' }, topupId: { type: 'string' } },
      },
      Error: {
        type: 'object',
        required: ['error', 'message'],
        properties: {
          error: { enum: [...ERROR_CODES] },
          message: { type: 'string' },
          field: { type: 'string' },
        },
      },
    },
  },
} as const;
