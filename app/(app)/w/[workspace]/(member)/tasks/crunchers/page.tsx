import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader, Section } from "@/components/ui";
import { getDb } from "@/db/client";
import { allows } from "@/lib/workspaces/roles";
import { cruncherNames } from "@/lib/tasks/cruncher-names";
import { cruncherQuality } from "@/lib/tasks/cruncher-quality";
import { CruncherQualityTable } from "../cruncher-quality-table";
import { GoldSettingsForm } from "./gold-settings-form";

export const metadata: Metadata = { title: "Crunchers" };

export default async function CrunchersPage() {
  const { workspace, role } = await requireWorkspace("read");
  const db = getDb();
  const { crunchers, settings } = await cruncherQuality(db, workspace.id);
  const names = await cruncherNames(db, crunchers.map((c) => c.cruncherId));
  return (
    <div className="space-y-6">
      <PageHeader title="Crunchers" description="How well each cruncher answers this workspace's live tasks: gold questions, agreement with the final answers, pace." />
      <Section title="Quality by cruncher" hint="Gold accuracy with its 95% Wilson interval; agreement over answers to requests several crunchers decided.">
        <CruncherQualityTable crunchers={crunchers} names={names} />
      </Section>
      <Section
        title="Gold questions"
        hint={<>Requests created with a <code>gold</code> answer are control questions: mixed into crunchers&apos; work, never listed with your requests (<Link className="text-indigo-600 hover:underline" href="/tasks?gold=true">list them</Link>).</>}
      >
        <GoldSettingsForm settings={settings} canManage={allows(role, "manage")} />
      </Section>
    </div>
  );
}
