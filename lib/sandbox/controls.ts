import type { Clock } from './clock';
import type { createFaultInjector, FaultKind, FaultOptions } from './faults';
import {
  documentedFlow,
  resolveTimeline,
  type TimelineStep,
  type TopupView,
  topupView,
  type UnknownResolution,
} from './flows';
import type { Offer } from './messages';
import { toCents } from './money';
import { placeOrder } from './orders';
import { findPlan } from './plans';
import { hex, type Random } from './random';
import type { OperatorStatus } from './routes';
import type { SandboxState } from './state';
import { placeTrafficOrder, type TrafficOptions } from './traffic';

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

export type CreateTopupInput = {
  msisdn: string;
  planCode: string;
  /** Required for dynamic plans; fixed plans use their own amount. */
  amount?: number;
  ref?: string;
  createdAt?: number | Date;
  /** Status steps relative to `createdAt`; default: the documented flow for the number. */
  timeline?: TimelineStep[];
  refundMessage?: string;
  suggestedOffers?: Offer[];
  /** Debit the balance. Default true. Never checked against the balance: it is a test hook. */
  charge?: boolean;
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
  flush: () => Promise<void>;
};

/** Hooks for tests and benchmarks: shape orders, inject faults, count upstream calls. */
export function createControls(deps: ControlDeps) {
  const { state, clock } = deps;
  const view = (id: string): TopupView | undefined => {
    const record = state.get(id);
    if (!record) return undefined;
    state.settle(clock.now());
    return topupView(record, clock.now());
  };

  return {
    createTopup(input: CreateTopupInput): TopupView {
      const plan = findPlan(input.planCode);
      if (!plan) throw new Error(`sandbox: unknown plan ${input.planCode}`);
      if (plan.kind === 'dynamic' && input.amount === undefined) {
        throw new Error(`sandbox: plan ${plan.code} needs an amount`);
      }
      const ref = input.ref ?? `ctl-${hex(deps.random, 12)}`;
      if (state.byRef(ref)) throw new Error(`sandbox: ref ${ref} already used`);
      const createdAt = input.createdAt === undefined ? clock.now() : Number(input.createdAt);
      state.settle(clock.now());
      const documented = documentedFlow(input.msisdn, plan, deps.unknownResolution);
      const flow = input.timeline
        ? { timeline: input.timeline }
        : {
            timeline: documented.timeline,
            refundMessage: documented.refundMessage,
            suggestedOffers: documented.suggestedOffers,
          };
      const record = placeOrder(state, {
        plan,
        msisdn: input.msisdn,
        amount: input.amount,
        ref,
        createdAt,
        charge: input.charge,
        flow: {
          timeline: flow.timeline,
          refundMessage: input.refundMessage ?? flow.refundMessage,
          suggestedOffers: input.suggestedOffers ?? flow.suggestedOffers,
        },
      });
      return topupView(record, clock.now());
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
    getByRef: (ref: string) => {
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
    /** Writes the state file now (no-op without one). */
    flush: deps.flush,
  };
}

export type SandboxControls = ReturnType<typeof createControls>;
