'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/action';
import { generatePassword } from '@/lib/auth/password';
import * as userService from '@/lib/users/service';
import { createUserInput, setDisabledInput, setRoleInput, userIdInput } from './schemas';

const PAGE = '/admin/users';

export const createUser = defineAction(
  { name: 'user.create', capability: 'users:manage', input: createUserInput },
  async (input, ctx) => {
    const password = generatePassword();
    const user = await ctx.audited(async (tx) => {
      const created = await userService.createUser(tx, { ...input, password, temporary: true });
      return {
        result: created,
        target: { type: 'user', id: created.id },
        details: { email: created.email, role: created.role },
      };
    });
    revalidatePath(PAGE);
    // The temporary password goes back to the admin once; it is never stored in clear.
    return { email: user.email, temporaryPassword: password };
  },
);

export const setUserRole = defineAction(
  { name: 'user.set_role', capability: 'users:manage', input: setRoleInput },
  async ({ userId, role }, ctx) => {
    await ctx.audited(async (tx) => {
      const change = await userService.setRole(tx, ctx.user.id, userId, role);
      return {
        result: change,
        target: { type: 'user', id: userId },
        details: change,
      };
    });
    revalidatePath(PAGE);
    return null;
  },
);

export const setUserDisabled = defineAction(
  { name: 'user.set_disabled', capability: 'users:manage', input: setDisabledInput },
  async ({ userId, disabled }, ctx) => {
    await ctx.audited(async (tx) => {
      const user = await userService.setDisabled(tx, ctx.user.id, userId, disabled);
      return {
        result: user,
        target: { type: 'user', id: userId },
        details: { email: user.email, disabled },
      };
    });
    revalidatePath(PAGE);
    return null;
  },
);

export const resetUserPassword = defineAction(
  { name: 'user.reset_password', capability: 'users:manage', input: userIdInput },
  async ({ userId }, ctx) => {
    const password = generatePassword();
    const user = await ctx.audited(async (tx) => {
      const row = await userService.resetPassword(tx, userId, password);
      return { result: row, target: { type: 'user', id: userId }, details: { email: row.email } };
    });
    revalidatePath(PAGE);
    return { email: user.email, temporaryPassword: password };
  },
);

export const unlockUser = defineAction(
  { name: 'user.unlock', capability: 'users:manage', input: userIdInput },
  async ({ userId }, ctx) => {
    await ctx.audited(async (tx) => {
      const user = await userService.unlock(tx, userId);
      return { result: user, target: { type: 'user', id: userId }, details: { email: user.email } };
    });
    revalidatePath(PAGE);
    return null;
  },
);
