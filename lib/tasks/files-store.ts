import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskFiles, type TaskFileRow } from "@/db/schema";
import { isUuid } from "@/lib/ids";

/** A file a cruncher uploaded as the answer to an image, video or audio request. */
export type TaskFileRecord = TaskFileRow;

const fileColumns = {
  id: taskFiles.id,
  workspaceId: taskFiles.workspaceId,
  requestId: taskFiles.requestId,
  cruncherId: taskFiles.cruncherId,
  filename: taskFiles.filename,
  contenttype: taskFiles.contenttype,
  size: taskFiles.size,
  sha256: taskFiles.sha256,
  createdAt: taskFiles.createdAt,
};

/** Records an uploaded file under the requesting account (its tenant); the bytes are in the blob store. */
export async function insertTaskFile(db: Database, file: Omit<TaskFileRecord, "id" | "createdAt">): Promise<TaskFileRecord> {
  const [row] = await db.insert(taskFiles).values(file).returning(fileColumns);
  return row!;
}

/** A stored file by its id alone: file URLs are public (the id is unguessable), like the answers that carry them. */
export async function getTaskFile(db: Database, id: string): Promise<TaskFileRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(fileColumns).from(taskFiles).where(eq(taskFiles.id, id));
  return row ?? null;
}
