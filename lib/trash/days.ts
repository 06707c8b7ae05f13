/** How long a trashed model, deployment or loop can be restored before the scheduled purge removes it for good. */
export const TRASH_DAYS = 30;
