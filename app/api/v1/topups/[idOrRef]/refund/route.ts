import { handleRefund } from '@/lib/api/refund';
import { log } from '@/lib/log';
import { refundDeps } from '@/lib/refunds/deps';

// POST /api/v1/topups/{idOrRef}/refund — the shop refunds its customer (bearer token with the
// `refund` scope, Idempotency-Key honoured).
export const dynamic = 'force-dynamic';

export async function POST(request: Request, ctx: { params: Promise<{ idOrRef: string }> }) {
  const { idOrRef } = await ctx.params;
  return handleRefund(request, idOrRef, { ...refundDeps(), log });
}
