import { apiDeps } from '@/lib/api/deps';
import { handleRegister } from '@/lib/api/handlers';

// POST /api/v1/topups — the merchant's shop registers a top-up it sent. Outside proxy.ts's
// matcher: the bearer token and its `register` scope, checked inside handleRegister before
// the body is read, are the only guard.
export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return handleRegister(request, apiDeps());
}
