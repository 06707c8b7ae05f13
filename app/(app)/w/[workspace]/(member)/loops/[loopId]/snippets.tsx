import { CodeSnippets } from "@/components/code-snippets";
import { describedOperation } from "@/lib/http/described-operations";
import { LOOPS_KEY_VARIABLE, loopSnippets, type SnippetInput } from "@/lib/loops/client-snippets";

/** Ready-to-paste client code for /train/ and /predict/, built from the API's description, with this app's URL, the loop id and the user name filled in. */
export function Snippets(props: SnippetInput) {
  const code = loopSnippets(props, { train: describedOperation("POST", "/train"), predict: describedOperation("POST", "/predict") });
  return (
    <CodeSnippets
      note={
        <>
          The key goes in <code className="rounded bg-slate-100 px-1 font-mono">{LOOPS_KEY_VARIABLE}</code>: export it from Generate API Key or the API keys page.
        </>
      }
      snippets={[
        { id: "train", title: "Train", hint: "POST /train/ with labelled rows: the inputs and the output. The model learns from each one.", code: code.train },
        { id: "predict", title: "Predict", hint: "POST /predict/ with the inputs: the answer and what drove it. Never changes the model.", code: code.predict },
      ]}
    />
  );
}
