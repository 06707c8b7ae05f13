import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <PageHeader title="Models" description="The model registry: scikit-learn models with their versions, training data, code and requirements." />
      <EmptyState
        title="No models registered"
        description="Registered models will be listed here, newest first, with their kind, tags, versions and the alias (such as production) that points at one of them."
        steps={[
          <>Create a <Link className="text-indigo-600 hover:underline" href="/keys">models API key</Link>.</>,
          "POST /model/add with the model's metadata.",
          "Upload its .pkl or joblib file, training data, code and requirements to /model/{id}/upload.",
        ]}
        example={`curl -X POST $BASE_URL/model/add \\
  -H "Authorization: Bearer $MODELS_KEY" -H "Content-Type: application/json" \\
  -d '{"modelname":"MyModel","modelkind":"regression",
       "drift_detection":[{"is_true":1,"method":2}]}'`}
      />
    </>
  );
}
