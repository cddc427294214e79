import 'server-only';

// The server-side entry point. Types and schemas that hold no secret can also be imported
// from './schemas' / './errors' directly (e.g. by client components that render a status).
export type { CredentialsState } from './circuit';
export {
  type CallInfo,
  type CallOptions,
  createOneClickClient,
  DEFAULT_BASE_URL,
  type OneClickClient,
  type OneClickClientOptions,
  type OneClickResult,
  type PageParams,
  type SendInput,
  type SendResponse,
} from './client';
export {
  isOneClickError,
  ONECLICK_ERROR_KINDS,
  OneClickError,
  type OneClickErrorKind,
} from './errors';
export type { FetchLike } from './http';
export type { Meta, Pagination, SendResult, SuggestedOffer, Topup, TopupPage } from './schemas';
export type {
  BalanceResult,
  DynamicPlan,
  FixedPlan,
  PingResult,
  PlansResult,
  Transaction,
  TransactionPage,
  ValidateResult,
} from './schemas-account';
