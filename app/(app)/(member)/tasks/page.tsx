import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Tasks" };

export default function TasksPage() {
  return (
    <>
      <PageHeader title="Tasks" description="Questions your programs ask people: every request, its status, the crunchers' answers and webhook deliveries." />
      <EmptyState
        title="No requests yet"
        description="Requests made with your tasks keys will be listed here with filters by status, type and date, counts per status, and the answers each cruncher gave."
        steps={[
          <>Create a <Link className="text-indigo-600 hover:underline" href="/keys">tasks key</Link> — a test key (test_…) is answered by a simulated cruncher within a second.</>,
          "POST a question to /v1/requests/<type>, optionally with ?block=30 to wait for the answer.",
          "Poll GET /v1/requests/{id}, long-poll with ?block=N, or pass a hook_url.",
        ]}
        example={`curl "$BASE_URL/v1/requests/multiple-choice?block=30" \\
  -H "X-Heat-API-Key: $TASKS_KEY" -H "Content-Type: application/json" \\
  -d '{"instruction":"Is this review positive?","attachments":["Great product!"],
       "choices":["yes","no"]}'`}
      />
    </>
  );
}
