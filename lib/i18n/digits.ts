// Arabic-Indic digits (٠١٢٣…) for people who chose them. Numbers given to a message as
// arguments are formatted by Intl in their digits already; this rewrites the digits written in
// a message's own text («كل 10 ثوانٍ»), and nothing inside its ICU syntax (argument names,
// `=0` selectors), so a catalogue stays written once with Western digits.

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

export const toArabicIndic = (text: string) =>
  text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)] ?? d);

/** The ICU message with the digits of its literal text in Arabic-Indic. */
export function withArabicIndicDigits(message: string): string {
  let out = '';
  // Where we are: literal text, or the inside of an `{argument, …}` (names and selectors).
  const stack: Array<'text' | 'argument'> = ['text'];
  for (let i = 0; i < message.length; i++) {
    const ch = message[i] as string;
    const inText = stack[stack.length - 1] === 'text';
    if (inText && ch === "'" && /['{}#|]/.test(message[i + 1] ?? '')) {
      // ICU quoting: '' is an apostrophe, '{…' quotes syntax characters; copy it as it is.
      const end = message[i + 1] === "'" ? i + 1 : message.indexOf("'", i + 1);
      const stop = end === -1 ? message.length - 1 : end;
      out += message.slice(i, stop + 1);
      i = stop;
    } else if (ch === '{') {
      stack.push(inText ? 'argument' : 'text');
      out += ch;
    } else if (ch === '}') {
      if (stack.length > 1) stack.pop();
      out += ch;
    } else out += inText ? toArabicIndic(ch) : ch;
  }
  return out;
}

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue, rewritten by withArabicIndicDigits. */
export function catalogueWithArabicIndicDigits<T>(messages: T): T {
  const walk = (node: string | Tree): string | Tree =>
    typeof node === 'string'
      ? withArabicIndicDigits(node)
      : Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  return walk(messages as unknown as Tree) as unknown as T;
}
