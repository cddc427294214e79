import type { Clock } from './clock';
import type { SandboxControls } from './controls';
import type { FaultOptions } from './faults';
import type { UnknownResolution } from './flows';
import type { TrafficOptions } from './traffic';
import type { EnvelopeOptions, ExtraFieldsOption } from './variants';

export type SandboxOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Accepted keys; one is generated when none is given. */
  apiKeys?: string[];
  /** JSON file the state is loaded from and saved to (debounced), so a demo survives a restart. */
  stateFile?: string;
  clock?: Clock;
  /** When a 0600000003-style UNKNOWN_ERROR settles. Default: after 2 h, to REFUNDED. */
  unknownErrorResolution?: UnknownResolution;
  faults?: FaultOptions;
  traffic?: TrafficOptions;
  /**
   * On a fresh state (no state file yet), start from this many days of generated past orders
   * and their ledger (history.ts) instead of an empty account. Default: none.
   */
  history?: { days: number; seed?: number; ordersPerDay?: number };
  /** Starting balance in DZD for a fresh state without history. Default 100 000. */
  balance?: number;
  /** Seed for faults, ids and traffic, to replay a run. */
  seed?: number;
  username?: string;
  /** Success envelopes without `requestId` / `meta`, as some doc examples show them. */
  envelope?: EnvelopeOptions;
  /** Fields the docs do not list, on every top-up object and envelope. */
  extraFields?: ExtraFieldsOption;
};

export type Sandbox = {
  /** Base URL including `/v3`, ready for the client's `baseUrl`. */
  url: string;
  apiKey: string;
  clock: Clock;
  controls: SandboxControls;
  /** What this start generated (`history` on a fresh state); null when the state was loaded. */
  history: { orders: number; ledgerRows: number; ms: number } | null;
  close(): Promise<void>;
};
