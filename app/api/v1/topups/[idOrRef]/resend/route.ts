import { handleResend } from '@/lib/api/resend';
import { log } from '@/lib/log';
import { resendDeps } from '@/lib/resends/deps';

// POST /api/v1/topups/{idOrRef}/resend — the shop re-sends a refunded top-up with a suggested
// offer (bearer token with the `resend` scope, Idempotency-Key honoured).
export const dynamic = 'force-dynamic';

export async function POST(request: Request, ctx: { params: Promise<{ idOrRef: string }> }) {
  const { idOrRef } = await ctx.params;
  return handleResend(request, idOrRef, { ...resendDeps(), log });
}
