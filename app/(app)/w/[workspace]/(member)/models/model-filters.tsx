import Link from "@/components/workspace-link";
import { Button, Input, Select } from "@/components/ui";

/** Search by name and filter by kind and tag: a plain GET form, so the filters live in the URL. */
export function ModelFilters({ q, kind, kinds, tag, tags }: { q: string; kind: string; kinds: string[]; tag: string; tags: string[] }) {
  return (
    <form method="get" action="models" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="min-w-56 flex-1 space-y-1.5">
        <span className="block text-sm font-medium text-slate-700">Name</span>
        <Input type="search" name="q" defaultValue={q} placeholder="Search by name" />
      </label>
      <label className="w-48 space-y-1.5">
        <span className="block text-sm font-medium text-slate-700">Kind</span>
        <Select name="kind" defaultValue={kind}>
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k} value={k}>{k}</option>
          ))}
        </Select>
      </label>
      {tags.length > 0 ? (
        <label className="w-48 space-y-1.5">
          <span className="block text-sm font-medium text-slate-700">Tag</span>
          <Select name="tag" defaultValue={tag}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </Select>
        </label>
      ) : null}
      <Button type="submit" variant="secondary">Filter</Button>
      {q || kind || tag ? <Link href="/models" className="py-2 text-sm text-indigo-600 hover:underline">Clear</Link> : null}
    </form>
  );
}
