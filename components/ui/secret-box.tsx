'use client';

import { type ReactNode, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { Button } from './button';
import { copyText } from './clipboard';
import { AlertTriangleIcon, CheckIcon, CopyIcon } from './icons';

/**
 * A secret the server shows once and keeps only a hash of (an API token, a temporary password,
 * recovery codes): the value in a monospace left-to-right box, a copy button whose result is
 * announced, and the warning that it will not be shown again.
 */
export function SecretBox({
  title,
  description,
  value,
  valueTestId,
  actions,
  ...rest
}: {
  title: string;
  description?: ReactNode;
  /** One secret, or a list (recovery codes), copied one per line. */
  value: string | readonly string[];
  valueTestId?: string;
  /** Buttons after Copy (Done, I have saved them). */
  actions?: ReactNode;
  'data-testid'?: string;
}) {
  const t = useT();
  const titleId = useId();
  const box = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const text = typeof value === 'string' ? value : value.join('\n');

  async function copy() {
    setCopied(null);
    const ok = await copyText(text);
    setCopied(ok);
    // When the browser refuses, select the value so Ctrl+C does it by hand.
    if (!ok && box.current) window.getSelection()?.selectAllChildren(box.current);
  }

  const boxClass =
    'rounded-md border border-border bg-surface font-mono text-sm text-fg select-all';
  return (
    <section
      aria-labelledby={titleId}
      className="mb-3 space-y-3 rounded-md border border-warning/50 bg-warning/10 p-4 text-sm"
      {...rest}
    >
      <h3 id={titleId} className="font-medium">
        {title}
      </h3>
      {description ? <p>{description}</p> : null}
      {typeof value === 'string' ? (
        <code
          ref={box}
          dir="ltr"
          className={`block break-all px-3 py-2 text-start ${boxClass}`}
          data-testid={valueTestId}
        >
          {value}
        </code>
      ) : (
        <ol
          ref={(node) => {
            box.current = node;
          }}
          dir="ltr"
          className={`grid max-w-sm grid-cols-2 gap-1 p-2 ${boxClass}`}
          data-testid={valueTestId}
        >
          {value.map((item) => (
            <li key={item} className="px-2 py-0.5">
              {item}
            </li>
          ))}
        </ol>
      )}
      <p className="flex items-center gap-2 font-medium text-warning-fg">
        <AlertTriangleIcon className="size-4 shrink-0" />
        {t(typeof value === 'string' ? 'kit.secret.notAgain' : 'kit.secret.notAgainMany')}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" onClick={copy} data-testid="secret-copy">
          {copied ? <CheckIcon /> : <CopyIcon />}
          {copied ? t('kit.copied') : t('kit.copy')}
        </Button>
        {actions}
        {/* The button already says "Copied"; the live region tells a screen reader too. */}
        <span
          role="status"
          className={copied === false ? 'text-sm text-danger-fg' : 'sr-only'}
          data-testid="secret-copy-status"
        >
          {copied === true ? t('kit.copiedAnnounce') : copied === false ? t('kit.copyFailed') : ''}
        </span>
      </div>
    </section>
  );
}
