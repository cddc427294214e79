/** Only same-site paths: a crafted `callbackUrl=https://evil.example` lands on the home page. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url?.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  if (url.startsWith('/login')) return '/';
  return url;
}
