import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

// For load balancers and probes: public, answers only "can we reach the database".
export async function GET() {
  const started = Date.now();
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: 'ok', db: 'ok', latencyMs: Date.now() - started });
  } catch {
    return Response.json({ status: 'error', db: 'unreachable' }, { status: 503 });
  }
}
