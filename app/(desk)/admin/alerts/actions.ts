'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ALERT_CONDITIONS, NOTICE_CHANNELS, ROLES } from '@/db/enums';
import { defineAction } from '@/lib/actions/action';
import { alertsConfig } from '@/lib/alerts/deps';
import {
  queueTest,
  saveCondition,
  saveEmailChannel,
  saveWebhookChannel,
} from '@/lib/alerts/settings';
import { LOCALES } from '@/lib/i18n/locales';

// Settings › Alerts: admins only (`alerts:manage`). Each change lands with its audit row; a bad
// value is refused naming the field and changes nothing.

const done = <R>(result: R) => {
  revalidatePath('/admin/alerts');
  return result;
};

export const saveAlertConditionAction = defineAction(
  {
    name: 'alert.settings.condition',
    capability: 'alerts:manage',
    input: z.object({
      condition: z.enum(ALERT_CONDITIONS),
      enabled: z.boolean(),
      params: z.record(z.string(), z.string().max(20)),
    }),
  },
  async (input, ctx) =>
    done(
      await ctx.audited(async (tx) => {
        const params = await saveCondition(tx, input, ctx.user.id, new Date());
        return {
          result: { saved: true },
          target: { type: 'alert_condition', id: input.condition },
          details: { enabled: input.enabled, params },
        };
      }),
    ),
);

export const saveEmailChannelAction = defineAction(
  {
    name: 'alert.settings.email',
    capability: 'alerts:manage',
    input: z.object({
      enabled: z.boolean(),
      roles: z.array(z.enum(ROLES, { error: 'alerts.invalid.roles' })).max(ROLES.length),
    }),
  },
  async (input, ctx) =>
    done(
      await ctx.audited(async (tx) => {
        await saveEmailChannel(tx, input, ctx.user.id, new Date());
        return {
          result: { saved: true },
          target: { type: 'alert_channel', id: 'email' },
          details: input,
        };
      }),
    ),
);

export const saveWebhookChannelAction = defineAction(
  {
    name: 'alert.settings.webhook',
    capability: 'alerts:manage',
    input: z.object({
      enabled: z.boolean(),
      url: z.string().max(2000),
      locale: z.enum(LOCALES),
    }),
  },
  async (input, ctx) =>
    done(
      await ctx.audited(async (tx) => {
        await saveWebhookChannel(tx, input, ctx.user.id, new Date());
        // The URL's host only: a hook URL often carries its own secret in the path.
        const host = URL.canParse(input.url.trim()) ? new URL(input.url.trim()).host : null;
        return {
          result: { saved: true },
          target: { type: 'alert_channel', id: 'webhook' },
          details: { enabled: input.enabled, host, locale: input.locale },
        };
      }),
    ),
);

export const sendAlertTestAction = defineAction(
  {
    name: 'alert.settings.test',
    capability: 'alerts:manage',
    input: z.object({ channel: z.enum(NOTICE_CHANNELS, { error: 'alerts.invalid.channel' }) }),
  },
  async ({ channel }, ctx) => {
    const config = alertsConfig();
    return done(
      await ctx.audited(async (tx) => {
        await queueTest(tx, {
          channel,
          by: { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, locale: ctx.locale },
          smtpConfigured: config.mailer !== null,
          deskUrl: config.deskUrl,
          at: new Date(),
        });
        return {
          result: { queued: true },
          target: { type: 'alert_channel', id: channel },
          details: {},
        };
      }),
    );
  },
);
