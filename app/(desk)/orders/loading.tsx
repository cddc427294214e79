/** Shown while a view loads: the shape of the table, not a spinner. */
export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-live="polite">
      <div className="h-8 w-48 animate-pulse rounded bg-muted" />
      <div className="h-10 w-full animate-pulse rounded bg-muted" />
      <div className="space-y-2 rounded-lg border border-border bg-surface p-3">
        {Array.from({ length: 12 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <div key={i} className="h-6 w-full animate-pulse rounded bg-muted" />
        ))}
      </div>
    </div>
  );
}
