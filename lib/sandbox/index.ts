// The sandbox must stay free of `server-only` (and of lib/oneclick's client): scripts/sandbox.ts
// runs it under plain Node through tsx.
export type { AuthState } from './auth';
export { type Clock, createManualClock, type ManualClock, systemClock } from './clock';
export type { CallLogEntry, CreateTopupInput, SandboxControls } from './controls';
export { FAULT_KINDS, type FaultKind, type FaultOptions } from './faults';
export type { LinkSpec, TimelineStep, TopupView, UnknownResolution } from './flows';
export { FACTURE_OFFER, MESSAGES } from './messages';
export { isTestNumber, TEST_NUMBERS } from './numbers';
export { SANDBOX_PLANS } from './plans';
export { type Sandbox, type SandboxOptions, startSandbox } from './server';
export type { TrafficMix, TrafficOptions } from './traffic';
export {
  type EnvelopeOptions,
  type ExtraFieldsOption,
  GARBLE_KINDS,
  type GarbleKind,
} from './variants';
