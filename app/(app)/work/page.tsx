import type { Metadata } from "next";
import { requireAccount } from "@/app/_server/auth";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Work" };

export default async function WorkPage() {
  const account = await requireAccount();
  return (
    <>
      <PageHeader title="Work" description="Answer questions from the task queue, one at a time, keyboard first." />
      <EmptyState
        title="No tasks waiting"
        description={`When programs ask questions, "Start working" will hand you the next task you may take, ${account.username}. Number keys pick choices, Enter submits and S skips.`}
        steps={["Keep this page open; new tasks appear as they are requested.", "Your answers are compared with the final answer to show your agreement rate."]}
      />
    </>
  );
}
