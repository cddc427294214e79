import { apiDeps } from '@/lib/api/deps';
import { handleRead } from '@/lib/api/handlers';

// GET /api/v1/topups/{idOrRef} — our view of a top-up, for the shop (bearer token, `read` scope).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, ctx: { params: Promise<{ idOrRef: string }> }) {
  const { idOrRef } = await ctx.params;
  return handleRead(request, idOrRef, apiDeps());
}
