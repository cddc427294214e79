import { apiDeps } from '@/lib/api/deps';
import { handleRegister } from '@/lib/api/handlers';

// POST /api/v1/topups — the merchant's shop registers a top-up it sent. Public in proxy.ts:
// the bearer token checked inside handleRegister is the only guard.
export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleRegister(request, apiDeps());
}
