import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader, Section } from "@/components/ui";
import { getDb } from "@/db/client";
import { cruncherNames } from "@/lib/tasks/cruncher-names";
import { cruncherQuality } from "@/lib/tasks/cruncher-quality";
import { CruncherQualityTable, goldSummary } from "../../cruncher-quality-table";

export const metadata: Metadata = { title: "Cruncher" };

export default async function CruncherPage({ params }: { params: Promise<{ cruncherId: string }> }) {
  const { workspace } = await requireWorkspace("read");
  const cruncherId = (await params).cruncherId.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(cruncherId)) notFound();
  const db = getDb();
  const { crunchers, settings } = await cruncherQuality(db, workspace.id, [cruncherId]);
  const quality = crunchers[0];
  if (!quality) notFound();
  const names = await cruncherNames(db, [cruncherId]);
  const rule = settings.minAccuracy > 0 ? `below ${Math.round(settings.minAccuracy * 100)}% after ${settings.minAnswers} gold answers` : "off";
  return (
    <div className="space-y-6">
      <PageHeader title={names.get(cruncherId) ?? cruncherId} description={<code className="font-mono text-xs">{cruncherId}</code>} />
      <Section title="Quality" hint={`Gold: ${goldSummary(quality)}. The workspace rule pauses crunchers ${rule}.`}>
        <CruncherQualityTable crunchers={crunchers} names={names} />
        {quality.paused ? <p className="mt-3 text-sm text-red-700" data-testid="cruncher-paused">No tasks are leased to this cruncher: their gold accuracy is below the workspace&apos;s threshold.</p> : null}
      </Section>
      <Link href="/tasks/crunchers" className="text-sm text-indigo-600 hover:underline">← All crunchers</Link>
    </div>
  );
}
