import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Loops" };

export default function LoopsPage() {
  return (
    <>
      <PageHeader title="Loops" description="Adaptive learning loops: models that learn online from every labelled example and explain each prediction." />
      <EmptyState
        title="No loops yet"
        description="Each loop you define will be listed here with its schema, the number of examples it has seen, its accuracy over time and a button to generate a key bound to it."
        steps={[
          <>Create a <Link className="text-indigo-600 hover:underline" href="/keys">loops API key</Link>.</>,
          "POST /definitions/ with a name, task_type, input_schema and a one-field output_schema.",
          "Stream labelled examples to /train/ and ask /predict/ for answers with explanations.",
        ]}
        example={`curl -X POST $BASE_URL/definitions/ \\
  -H "X-api-key: $LOOPS_KEY" -H "X-username: $USERNAME" \\
  -H "Content-Type: application/json" \\
  -d '{"name":"Churn","task_type":"classification",
       "input_schema":{"plan":"string","seats":"integer"},
       "output_schema":{"churned":"boolean"}}'`}
      />
    </>
  );
}
