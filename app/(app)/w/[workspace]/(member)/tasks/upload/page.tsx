import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Upload requests" };

export default async function UploadRequestsPage() {
  await requireWorkspace("write");
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Upload requests"
        description="Create many requests of one type from a CSV or JSONL file, checked row by row as POST /v1/requests/<type> checks them. A gold column (or field) with the known answer makes a row a gold (control) question."
      />
      <UploadForm />
      <Link href="/tasks" className="mt-6 inline-block text-sm text-indigo-600 hover:underline">← All requests</Link>
    </div>
  );
}
