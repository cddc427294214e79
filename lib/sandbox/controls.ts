import type { AuthState } from './auth';
import type { Clock } from './clock';
import { type CreateTopupInput, createTopupRecord } from './create';
import type { createFaultInjector, FaultKind, FaultOptions } from './faults';
import { resolveTimeline, type TopupView, topupView, type UnknownResolution } from './flows';
import { toCents } from './money';
import type { Random } from './random';
import type { OperatorStatus } from './routes';
import type { SandboxState } from './state';
import { placeTrafficOrder, type TrafficOptions } from './traffic';
import type { EnvelopeOptions, ExtraFieldsOption, GarbleKind, Variants } from './variants';

export type { CreateTopupInput } from './create';

export type CallLogEntry = {
  method: string;
  /** Path under the server root, query excluded (e.g. `/v3/mobile/send`). */
  path: string;
  /** Clock time the request arrived. */
  at: number;
  /** Undefined while a `timeout` fault holds the answer, or if the socket was reset. */
  status?: number;
  topupId?: string;
  ref?: string;
  fault?: FaultKind;
};

type ControlDeps = {
  state: SandboxState;
  clock: Clock;
  random: Random;
  faults: ReturnType<typeof createFaultInjector>;
  callLog: CallLogEntry[];
  operators: OperatorStatus;
  unknownResolution: UnknownResolution;
  traffic: TrafficOptions;
  resetAuth: () => void;
  authState: (ip: string) => AuthState;
  variants: Variants;
  flush: () => Promise<void>;
};

/** Hooks for tests and benchmarks: shape orders, inject faults, count upstream calls. */
export function createControls(deps: ControlDeps) {
  const { state, clock } = deps;
  // Settle first: it may store the linked order being asked for.
  const view = (id: string): TopupView | undefined => {
    state.settle(clock.now());
    const record = state.get(id);
    return record ? topupView(record, clock.now()) : undefined;
  };

  return {
    createTopup(input: CreateTopupInput): TopupView {
      return view(createTopupRecord(deps, input).id) as TopupView;
    },
    /** Settles an order that is in UNKNOWN_ERROR now, as OneClick support would. */
    resolveUnknown(id: string, outcome: 'FULFILLED' | 'REFUNDED'): TopupView {
      const record = state.get(id);
      const current = view(id);
      if (!record || current?.status !== 'UNKNOWN_ERROR') {
        throw new Error(`sandbox: top-up ${id} is not in UNKNOWN_ERROR`);
      }
      state.replaceTimeline(record, resolveTimeline(record, outcome, clock.now()));
      return view(id) as TopupView;
    },
    get: view,
    /** The newest order with that ref, as check-ref answers. */
    getByRef: (ref: string) => {
      state.settle(clock.now());
      const record = state.byRef(ref);
      return record ? view(record.id) : undefined;
    },
    setFaults: (options: FaultOptions | undefined) => deps.faults.set(options),
    queueFault: (kind: FaultKind, opts?: { path?: string; times?: number }) =>
      deps.faults.queue(kind, opts),
    clearFaults() {
      deps.faults.set(undefined);
      deps.faults.clearQueue();
    },
    calls: (): CallLogEntry[] => deps.callLog.map((entry) => ({ ...entry })),
    resetCalls() {
      deps.callLog.length = 0;
    },
    balanceCents: () => {
      state.settle(clock.now());
      return state.balanceCents;
    },
    deposit(dzd: number) {
      state.settle(clock.now());
      state.deposit(toCents(dzd), clock.now());
    },
    setOperators(changes: Partial<OperatorStatus>) {
      Object.assign(deps.operators, changes);
    },
    /** Places `count` background-style orders now (what the traffic timer does). */
    generateTraffic(count = 1): TopupView[] {
      const ctx = { ...deps, options: deps.traffic };
      return Array.from({ length: count }, () => topupView(placeTrafficOrder(ctx), clock.now()));
    },
    /** Forgets failed-key counts and IP blocks. */
    resetAuth: deps.resetAuth,
    /** Wrong keys counted for `ip` and, while blocked, until when (clock ms). */
    authState: (ip = '127.0.0.1'): AuthState => deps.authState(ip),
    /** Drops `requestId` and/or `meta` from success envelopes; `{}` sends both again. */
    setEnvelope: (options: EnvelopeOptions) => deps.variants.setEnvelope(options),
    /** Adds fields the docs do not list to every top-up object and envelope; `false` stops. */
    setExtraFields: (option: ExtraFieldsOption) => deps.variants.setExtraFields(option),
    /** Makes one order's item come out malformed over HTTP; `null` mends it. */
    garble(topupId: string, kind: GarbleKind | null) {
      if (kind !== null && !state.get(topupId)) throw new Error(`sandbox: no top-up ${topupId}`);
      deps.variants.garble(topupId, kind);
    },
    /** Back to the documented shapes: no envelope trimming, extra fields or garbling. */
    clearVariants: () => deps.variants.clear(),
    /** Writes the state file now (no-op without one). */
    flush: deps.flush,
  };
}

export type SandboxControls = ReturnType<typeof createControls>;
