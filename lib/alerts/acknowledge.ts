import type { Tx } from '../../db/client';
import { acknowledgeAlert, alertById, insertAlertEvent } from '../../db/queries/alerts';

// A person says they are on an open alert: it is marked with who and when (the alerts page
// shows it), its history gets the step, and it is no longer reminded. The caller writes the
// audit row in the same transaction.

export type Acknowledged =
  | { kind: 'acknowledged'; key: string }
  | { kind: 'already'; by: string | null; at: Date }
  | { kind: 'resolved' }
  | { kind: 'missing' };

export async function acknowledge(
  tx: Tx,
  input: { alertId: string; userId: string; at: Date },
): Promise<Acknowledged> {
  const row = await acknowledgeAlert(tx, input.alertId, input.userId, input.at);
  if (row) {
    await insertAlertEvent(tx, {
      alertId: row.id,
      kind: 'acknowledged',
      at: input.at,
      actorUserId: input.userId,
    });
    return { kind: 'acknowledged', key: row.key };
  }
  const found = await alertById(tx, input.alertId);
  if (!found) return { kind: 'missing' };
  if (found.alert.acknowledgedAt)
    return { kind: 'already', by: found.acknowledgedByName, at: found.alert.acknowledgedAt };
  return { kind: 'resolved' };
}
