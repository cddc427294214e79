type Writer = { writeText(text: string): Promise<void> } | undefined;

/**
 * Puts text on the clipboard; false when the browser refuses (no clipboard outside HTTPS or
 * localhost, permission denied), so the caller can say so instead of claiming "Copied".
 */
export async function copyText(
  text: string,
  clipboard: Writer = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
