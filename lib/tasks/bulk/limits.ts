// Bounds of a bulk upload, shared by the Upload requests page and its session routes.

/** Largest file the page reads. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Most rows in one file. */
export const MAX_UPLOAD_ROWS = 10_000;
/** Rows per validation or creation call (each creation call is one transaction). */
export const BULK_CHUNK_ROWS = 500;
/** Most requests one export holds. */
export const MAX_EXPORT_ROWS = 10_000;
