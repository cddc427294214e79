// CSV exports are GET downloads that ride on the session cookie. SameSite=Lax still sends that
// cookie on a top-level navigation from another site, so a foreign page could make a signed-in
// person's browser pull a customer export (and write an audit row in their name). Browsers say
// where a request comes from in Sec-Fetch-Site; only `cross-site` is refused. `none` is a
// typed URL or a bookmark, and a missing header is an older browser or a script with the
// cookie, which the session check still covers.

/** A 403 for a cross-site request, before the route reads the session or the database. */
export function refuseCrossSite(request: Request): Response | null {
  if (request.headers.get('sec-fetch-site')?.trim().toLowerCase() !== 'cross-site') return null;
  return Response.json(
    {
      error: 'cross_site',
      message: 'Exports are only served to the desk itself; open the export from the desk.',
    },
    { status: 403, headers: { 'cache-control': 'no-store', vary: 'Sec-Fetch-Site' } },
  );
}
