import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { and, desc, eq } from 'drizzle-orm';
import { alertEvents, alertSeen, alerts, auditLog, ingestQueue } from '../db/schema';
import { LoginPage } from './pages/login-page';
import { createStaff, testDb } from './support/db';

// The in-app channel end to end: the desk's own worker opens an alert, the manager's bell
// counts it, the manager acknowledges it on the alerts page, and the audit log has the row.

test.describe('alerts', () => {
  test('the bell shows a new alert, a manager acknowledges it, the audit log has the row', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { db } = testDb();
    const manager = await createStaff('manager');
    await new LoginPage(page).signInAs(manager);
    // Opening the alerts page reads the bell. (Other specs' alerts may come and go meanwhile:
    // this test asserts on its own alert only.)
    await page.goto('/alerts');
    const bell = page.getByTestId('alert-bell');

    // The shop registered an order two hours ago that OneClick has never confirmed.
    const topupId = `e2e${randomBytes(6).toString('hex')}`;
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await db.insert(ingestQueue).values({ topupId, receivedAt: twoHoursAgo });
    try {
      // The desk's worker evaluates every 15 s and opens the alert.
      let opened: { id: string; eventId: number } | undefined;
      await expect
        .poll(
          async () => {
            const [row] = await db
              .select({ id: alerts.id, eventId: alertEvents.id })
              .from(alerts)
              .innerJoin(alertEvents, eq(alertEvents.alertId, alerts.id))
              .where(
                and(
                  eq(alerts.key, 'ingest_waiting'),
                  eq(alerts.state, 'open'),
                  eq(alertEvents.kind, 'opened'),
                ),
              );
            opened = row;
            return row !== undefined;
          },
          { timeout: 60_000, intervals: [1_000] },
        )
        .toBe(true);
      // It came after the manager last read the bell: the next page counts it.
      await page.goto('/');
      expect(Number(await bell.getAttribute('data-unread'))).toBeGreaterThanOrEqual(1);
      await expect(bell).toHaveAccessibleName(/^Alerts, \d+ new$/);

      await bell.click();
      await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
      const row = page
        .getByRole('row')
        .filter({ has: page.locator('[data-key="ingest_waiting"]') });
      await expect(row.getByText('Open', { exact: true })).toBeVisible();
      await row.getByRole('button', { name: /^Acknowledge/ }).click();
      await expect(row.getByTestId('alert-acknowledged')).toContainText(manager.name);
      // Opening the alerts page marked everything up to this alert as read for the manager.
      const [seen] = await db
        .select({ lastEventId: alertSeen.lastEventId })
        .from(alertSeen)
        .where(eq(alertSeen.userId, manager.id));
      expect(seen?.lastEventId).toBeGreaterThanOrEqual(opened?.eventId ?? Number.POSITIVE_INFINITY);

      const [alert] = await db
        .select({ id: alerts.id, by: alerts.acknowledgedBy })
        .from(alerts)
        .where(eq(alerts.id, opened?.id ?? ''));
      expect(alert?.by).toBe(manager.id);
      const [audit] = await db
        .select({
          outcome: auditLog.outcome,
          targetType: auditLog.targetType,
          targetId: auditLog.targetId,
          role: auditLog.actorRole,
        })
        .from(auditLog)
        .where(
          and(eq(auditLog.actorEmail, manager.email), eq(auditLog.action, 'alert.acknowledge')),
        )
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(audit).toEqual({
        outcome: 'ok',
        targetType: 'alert',
        targetId: alert?.id,
        role: 'manager',
      });
    } finally {
      // The registration goes: the alert resolves by itself.
      await db.delete(ingestQueue).where(eq(ingestQueue.topupId, topupId));
    }
  });

  test('support has no bell and cannot open the alerts page', async ({ page }) => {
    await new LoginPage(page).signInAs(await createStaff('support'));
    await expect(page.getByTestId('alert-bell')).toHaveCount(0);
    await page.goto('/alerts');
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  });
});
