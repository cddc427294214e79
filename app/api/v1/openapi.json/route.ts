import { openApiDocument } from '@/lib/api/openapi';

// Public, like every /api/v1 path in proxy.ts: the API's description holds no secret.
export function GET() {
  return Response.json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } });
}
