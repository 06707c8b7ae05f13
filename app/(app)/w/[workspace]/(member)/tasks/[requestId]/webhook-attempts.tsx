import { Badge, ScrollX } from "@/components/ui";
import type { WebhookAttempt } from "@/lib/tasks/webhooks";
import { Time } from "@/components/time";

/** Every delivery attempt with its status code (or the error), newest last. */
export function WebhookAttempts({ attempts, pending }: { attempts: WebhookAttempt[]; pending: boolean }) {
  if (!attempts.length) {
    return <p className="text-sm text-slate-500">{pending ? "Sent once the request is complete." : "No attempt yet; deliveries start within a few seconds of completion."}</p>;
  }
  return (
    <ScrollX>
      <table className="min-w-full text-sm" data-testid="webhook-attempts">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr><th className="py-2 pr-4">When</th><th className="py-2 pr-4">Delivery</th><th className="py-2 pr-4">Attempt</th><th className="py-2 pr-4">Result</th><th className="py-2 text-right">Took</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {attempts.map((a) => (
            <tr key={`${a.messageId}-${a.attempt}`}>
              <td className="whitespace-nowrap py-2 pr-4 text-slate-600"><Time value={a.createdAt} style="seconds" /></td>
              <td className="py-2 pr-4 font-mono text-xs text-slate-500">{a.messageId}</td>
              <td className="py-2 pr-4 tabular-nums">{a.attempt}</td>
              <td className="py-2 pr-4">
                {a.error === null ? <Badge tone="green">{a.statusCode} OK</Badge> : <Badge tone="red">{a.statusCode ?? "no response"}</Badge>}
                {a.error && a.statusCode === null ? <span className="ml-2 text-xs text-slate-500">{a.error}</span> : null}
              </td>
              <td className="py-2 text-right tabular-nums text-slate-600">{a.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
