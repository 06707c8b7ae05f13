// Run as its own process by the blocking test: stores one answer through lib/tasks, as another
// app process would, and prints the moment the answer was committed.
import { closeDb, getDb } from "@/db/client";
import { submitAnswer } from "../submit-answer";

async function main(): Promise<void> {
  const [cruncherId, assignmentId, answer] = process.argv.slice(2);
  const outcome = await submitAnswer(getDb(), cruncherId!, assignmentId!, JSON.parse(answer!));
  const committedAt = Date.now();
  process.stdout.write(JSON.stringify({ outcome, committedAt }));
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
