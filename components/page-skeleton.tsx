/** What a data-heavy page shows while its server part loads: the page's shape, pulsing, no layout jump. */
export function PageSkeleton({ rows = 4, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <div className="animate-pulse space-y-6" role="status" aria-label={label}>
      <div className="space-y-2">
        <div className="h-7 w-48 rounded bg-slate-200" />
        <div className="h-4 w-full max-w-xl rounded bg-slate-100" />
      </div>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-4 rounded bg-slate-100" style={{ width: `${90 - i * 12}%` }} />
        ))}
      </div>
      <span className="sr-only">{label}…</span>
    </div>
  );
}
