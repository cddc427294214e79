import type { Db, Tx } from '../../db/client';
import { ALERT_CONDITIONS, type AlertCondition } from '../../db/enums';
import {
  type AlertRow,
  conditionSettings,
  insertAlert,
  insertAlertEvent,
  type NewNotice,
  openAlerts,
  queueNotices,
  tryEvaluatorLock,
  updateAlert,
} from '../../db/queries/alerts';
import { backoffCeiling, POLICIES } from '../backoff';
import { type Channels, loadChannels, noticesFor } from './channels';
import { CannotTell, CONDITIONS, type ConditionContext, type Finding } from './conditions';
import { type NoticeEvent, renderAlert, webhookBody } from './render';
import { thresholdsOf } from './thresholds';

// The alert life cycle, run by the background jobs every few seconds: look at every condition,
// open an alert for what newly holds, remind (with backoff) what still holds, resolve what no
// longer does, and queue the messages of each step, all in one transaction that holds the
// evaluator's advisory lock. Another instance evaluating at the same moment skips its turn, so
// each step happens, and each message is queued, once.

export type EvaluateDeps = {
  db: Db;
  now: Date;
  keyFingerprint: string | null;
  startedAt: Date;
  smtpConfigured: boolean;
  deskUrl: string | null;
  log?: { warn: (obj: object, msg: string) => void };
};

export type Evaluation = {
  opened: string[];
  reminded: string[];
  resolved: string[];
  /** Conditions whose look failed this turn: their alerts are left as they were. */
  failed: AlertCondition[];
};

const reminderDelay = (reminders: number) => backoffCeiling(reminders + 1, POLICIES.alertReminder);

/**
 * How long a condition must stay clear before its alert resolves: a dip below a threshold for
 * one look (a quiet minute between bursts) does not close and reopen it, with messages each way.
 */
export const RESOLVE_AFTER_MS = 5 * 60_000;

/** One evaluation; null when another instance holds the evaluator's lock. */
export async function evaluateAlerts(deps: EvaluateDeps): Promise<Evaluation | null> {
  return deps.db.transaction(async (tx) => {
    if (!(await tryEvaluatorLock(tx))) return null;
    const { now } = deps;
    const ctx: ConditionContext = {
      db: tx,
      now,
      keyFingerprint: deps.keyFingerprint,
      startedAt: deps.startedAt,
    };
    const settings = new Map((await conditionSettings(tx)).map((s) => [s.condition, s]));
    const findings = new Map<string, Finding>();
    const looked = new Set<AlertCondition>();
    const disabled = new Set<AlertCondition>();
    const failed: AlertCondition[] = [];
    for (const condition of ALERT_CONDITIONS) {
      const setting = settings.get(condition);
      if (setting && !setting.enabled) {
        disabled.add(condition);
        continue;
      }
      looked.add(condition);
      try {
        // A savepoint: a failed query leaves the rest of the evaluation usable.
        const found = await tx.transaction(async (sp) =>
          CONDITIONS[condition](
            { ...ctx, db: sp },
            thresholdsOf(condition, setting?.params) as never,
          ),
        );
        for (const f of found) findings.set(f.key, f);
      } catch (error) {
        looked.delete(condition);
        if (error instanceof CannotTell) continue;
        failed.push(condition);
        deps.log?.warn({ err: error, condition }, 'alerts: a condition could not be evaluated');
      }
    }

    const channels = await loadChannels(tx, deps.smtpConfigured);
    const result: Evaluation = { opened: [], reminded: [], resolved: [], failed };
    const queued: NewNotice[] = [];
    const step = async (alert: AlertRow, event: NoticeEvent) => {
      await insertAlertEvent(tx, { alertId: alert.id, kind: event, at: now, facts: alert.facts });
      queued.push(...(await messagesOf(tx, channels, alert, event, now, deps.deskUrl)));
      result[event].push(alert.key);
    };

    const open = new Map((await openAlerts(tx)).map((a) => [a.key, a]));
    for (const [key, finding] of findings) {
      const current = open.get(key);
      if (!current) {
        const alert = await insertAlert(tx, {
          key,
          condition: finding.condition,
          facts: finding.facts,
          at: now,
          nextReminderAt: new Date(now.getTime() + reminderDelay(0)),
        });
        if (alert) await step(alert, 'opened');
        continue;
      }
      const due = current.nextReminderAt !== null && current.nextReminderAt <= now;
      // An acknowledged alert has someone on it: it is not reminded.
      const remind = due && current.acknowledgedAt === null;
      const updated = await updateAlert(tx, current.id, {
        facts: finding.facts,
        lastSeenAt: now,
        clearSince: null,
        ...(remind
          ? {
              reminders: current.reminders + 1,
              nextReminderAt: new Date(now.getTime() + reminderDelay(current.reminders + 1)),
            }
          : {}),
      });
      if (remind) await step(updated, 'reminded');
    }
    for (const [key, alert] of open) {
      if (findings.has(key)) continue;
      if (disabled.has(alert.condition)) {
        // Turned off by an admin: closed without telling anyone it cleared (it may not have).
        const closed = await updateAlert(tx, alert.id, {
          state: 'resolved',
          resolvedAt: now,
          nextReminderAt: null,
        });
        await insertAlertEvent(tx, {
          alertId: closed.id,
          kind: 'resolved',
          at: now,
          facts: { reason: 'disabled' },
        });
        continue;
      }
      if (!looked.has(alert.condition)) continue;
      if (alert.clearSince === null) {
        await updateAlert(tx, alert.id, { clearSince: now });
        continue;
      }
      if (now.getTime() - alert.clearSince.getTime() < RESOLVE_AFTER_MS) continue;
      const resolved = await updateAlert(tx, alert.id, {
        state: 'resolved',
        resolvedAt: now,
        nextReminderAt: null,
      });
      await step(resolved, 'resolved');
    }
    await queueNotices(tx, queued);
    return result;
  });
}

/** The messages of one step of an alert, on every channel that is on. */
async function messagesOf(
  tx: Tx,
  channels: Channels,
  alert: AlertRow,
  event: NoticeEvent,
  at: Date,
  deskUrl: string | null,
) {
  const n = event === 'reminded' ? `${event}-${alert.reminders}` : event;
  return noticesFor(tx, channels, {
    dedupeKey: `alert:${alert.id}:${n}`,
    kind: 'alert',
    alertId: alert.id,
    at,
    render: (locale) => renderAlert(alert, event, locale, deskUrl, at),
    payload: (rendered) => webhookBody(rendered, `alert.${event}`, alert, deskUrl),
  });
}
