import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { NewRequestForm } from "./new-request-form";

export const metadata: Metadata = { title: "New request" };

export default async function NewRequestPage() {
  await requireWorkspace("read");
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="New request"
        description="Ask a question by hand, with the same parameters and checks as POST /v1/requests/<type>. Test requests are answered by a simulated cruncher; live ones go to the Work area."
      />
      <NewRequestForm />
      <Link href="/tasks" className="mt-6 inline-block text-sm text-indigo-600 hover:underline">← All requests</Link>
    </div>
  );
}
