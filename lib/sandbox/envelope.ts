import { hex, type Random } from './random';
import type { EnvelopeShape } from './variants';

/** An error answer in the documented shape, before the envelope is put around it. */
export type ApiError = {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
};

export type ApiSuccess = { status?: number; data: unknown; meta?: Record<string, unknown> };
export type ApiAnswer = ApiSuccess | ApiError;

export function isApiError(answer: ApiAnswer): answer is ApiError {
  return 'code' in answer;
}

/** `req_<unix seconds>_<suffix>`, the format of the docs' examples. */
export function newRequestId(now: number, random: Random) {
  return `req_${Math.floor(now / 1000)}_${hex(random, 6)}`;
}

/** Errors always carry `requestId` (support asks for it); `shape` only trims success answers. */
export function envelopeBody(
  answer: ApiAnswer,
  now: number,
  requestId: string,
  shape: EnvelopeShape = {},
) {
  const extra = shape.extra ?? {};
  if (isApiError(answer)) {
    const { code, message, details } = answer;
    const error = { code, message, ...(details ? { details } : {}) };
    return { success: false, error, requestId, ...extra };
  }
  const meta = { timestamp: new Date(now).toISOString(), ...answer.meta };
  return {
    success: true,
    data: answer.data,
    ...(shape.meta === false ? {} : { meta }),
    ...(shape.requestId === false ? {} : { requestId }),
    ...extra,
  };
}

export function validationError(field: string, value: unknown, message: string): ApiError {
  return { status: 400, code: 'ERR_VALIDATION', message, details: { field, value } };
}

export function notFound(message: string): ApiError {
  return { status: 404, code: 'NOT_FOUND', message };
}
