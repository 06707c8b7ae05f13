import { renderSnippet, type SnippetLanguage, type SnippetOperation } from "@/lib/http/api-snippets";

/** The one name the dashboard gives the models key in client code. */
export const MODELS_KEY_VARIABLE = "MODELS_KEY";

export interface DeploymentSnippetInput {
  baseUrl: string;
  deploymentId: string;
  /** A row of the model's features, in their order (the last input, else zeros). */
  example: unknown;
}

/** POST /deployment/{id}/predict as the description has it (the bearer scheme), in every language. */
export function deploymentSnippets(operation: SnippetOperation, input: DeploymentSnippetInput): Record<SnippetLanguage, string> {
  const call = {
    baseUrl: input.baseUrl,
    pathParams: { deployment_id: input.deploymentId },
    credentials: { bearer: { env: MODELS_KEY_VARIABLE }, modelsKey: { env: MODELS_KEY_VARIABLE } },
    body: { data: input.example, explain: true },
    result: {
      python: `answer = res.json()\nprint(answer["prediction"], answer["explanation"]["feature_importance"])`,
      typescript: `const answer = await res.json();\nconsole.log(answer.prediction, answer.explanation?.feature_importance);`,
    },
  };
  return {
    curl: renderSnippet("curl", operation, call),
    python: renderSnippet("python", operation, call),
    typescript: renderSnippet("typescript", operation, call),
  };
}
