// Where sign-in sends a person afterwards: only a path on this desk. The browser strips tabs
// and newlines from a URL before reading it, so "/\t/evil.example" would become the
// protocol-relative "//evil.example": decide as the browser does (parse against our origin and
// compare origins), and refuse control characters outright, raw or percent-encoded.

const BASE = 'http://desk.invalid';
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse.
const CONTROL = /[\u0000-\u001f\u007f\\]/;
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f|5c)/i;

export function safeCallbackUrl(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.startsWith('/') || CONTROL.test(raw) || ENCODED_CONTROL.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
