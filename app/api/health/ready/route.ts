import journal from '@/drizzle/meta/_journal.json';
import { getDb } from '@/lib/db';
import { readiness } from '@/lib/runtime/readiness';

// Readiness, for a load balancer or a process manager: 200 when this instance should get
// traffic, 503 with the reason otherwise (draining after SIGTERM, database unreachable,
// migrations not all applied).
export const dynamic = 'force-dynamic';

export async function GET() {
  const state = await readiness(getDb(), journal.entries.length);
  return Response.json(
    state.ready ? { status: 'ready', ...state } : { status: 'not_ready', ...state },
    {
      status: state.ready ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
    },
  );
}
