import { parseDialAttachment } from "@/lib/tasks/problems";
import type { ContentType } from "@/lib/tasks/types/shared-fields";

/** Players that must be embedded rather than played by a <video> element. */
export function isEmbeddedPlayer(url: string): boolean {
  return /^https?:\/\/(www\.)?(youtube(-nocookie)?\.com\/embed\/|player\.vimeo\.com\/video\/)/i.test(url);
}

function PhoneAttachment({ value }: { value: string }) {
  const dial = parseDialAttachment(value);
  if (!dial) return <TextAttachment value={value} />;
  return (
    <div className="flex items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
      <span aria-hidden className="text-lg">☎</span>
      <div>
        <a href={`tel:${dial.number}`} className="font-mono font-semibold text-indigo-700 hover:underline">{dial.number}</a>
        {dial.tones ? <div className="text-xs text-slate-500">then tones <span className="font-mono">{dial.tones}</span> (w = wait half a second)</div> : null}
      </div>
    </div>
  );
}

function TextAttachment({ value }: { value: string }) {
  return <div className="whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm leading-relaxed text-slate-800">{value}</div>;
}

export function WebsiteLink({ url }: { url: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-sm font-medium text-indigo-600 hover:underline">
      Open in a new tab <span aria-hidden>↗</span>
    </a>
  );
}

/** A website in a frame, with its address and a way out for sites that refuse to be framed. */
export function WebsiteFrame({ url, className = "h-[70vh]" }: { url: string; className?: string }) {
  return (
    <div className="flex flex-col overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-3 py-2">
        <span className="truncate font-mono text-xs text-slate-600" title={url}>{url}</span>
        <WebsiteLink url={url} />
      </div>
      <iframe src={url} title={`Website: ${url}`} className={`w-full ${className}`} sandbox="allow-scripts allow-same-origin allow-forms allow-popups" referrerPolicy="no-referrer" />
    </div>
  );
}

/**
 * One attachment (or choice) shown by its content type: text as text (a dial: line as a phone
 * number), images, video and audio in players, websites framed. The work page and the request's
 * review page both use it, so the requester sees what the cruncher saw.
 */
export function AttachmentView({ kind, value, compact = false, websiteInline = true }: { kind: ContentType; value: string; compact?: boolean; websiteInline?: boolean }) {
  switch (kind) {
    case "text":
      return value.trim().startsWith("dial:") ? <PhoneAttachment value={value} /> : <TextAttachment value={value} />;
    case "image":
      return <img src={value} alt="" className={`${compact ? "max-h-40" : "max-h-[28rem]"} max-w-full rounded-md border border-slate-200 bg-slate-50 object-contain`} />;
    case "video":
      return isEmbeddedPlayer(value) ? (
        <iframe src={value} title="Video" className={`aspect-video w-full ${compact ? "max-w-xs" : "max-w-2xl"} rounded-md border border-slate-200`} allow="encrypted-media; picture-in-picture" allowFullScreen />
      ) : (
        <video src={value} controls preload="metadata" className={`${compact ? "max-h-40" : "max-h-[28rem]"} max-w-full rounded-md border border-slate-200 bg-black`} />
      );
    case "audio":
      return <audio src={value} controls preload="metadata" className={compact ? "w-64" : "w-full max-w-xl"} />;
    case "website":
      return websiteInline && !compact ? (
        <WebsiteFrame url={value} className="h-96" />
      ) : (
        <span className="inline-flex flex-wrap items-center gap-2">
          <span className="break-all font-mono text-xs text-slate-600">{value}</span>
          <WebsiteLink url={value} />
        </span>
      );
  }
}

/** The attachments of a request, numbered when there are several (annotations refer to them by index). */
export function AttachmentList({ kind, values, websiteInline = true }: { kind: ContentType; values: string[]; websiteInline?: boolean }) {
  if (!values.length) return null;
  return (
    <div className="space-y-3">
      {values.map((value, i) => (
        <figure key={i} className="space-y-1">
          {values.length > 1 ? <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-500">Attachment {i + 1}</figcaption> : null}
          <AttachmentView kind={kind} value={value} websiteInline={websiteInline} />
        </figure>
      ))}
    </div>
  );
}
