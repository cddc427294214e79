import { ping } from '@/db/queries/order-actions';
import { getDb } from '@/lib/db';

// For load balancers and probes: public, answers only "can we reach the database".
export async function GET() {
  const started = Date.now();
  try {
    await ping(getDb());
    return Response.json({ status: 'ok', db: 'ok', latencyMs: Date.now() - started });
  } catch {
    return Response.json({ status: 'error', db: 'unreachable' }, { status: 503 });
  }
}
