// Liveness, for a process manager: the process answers. Nothing else is checked (a database
// outage must not get every instance restarted); readiness says whether to send it traffic.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
