import { openApiDocument } from '@/lib/api/openapi';

// Public (no token, and outside proxy.ts's matcher): the API's description holds no secret.
export function GET() {
  return Response.json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } });
}
