/**
 * Lookups in Records keyed by user data (field names, category values). A plain object would answer
 * "constructor" or "__proto__" from its prototype, and assigning "__proto__" would not create a key;
 * these helpers only ever see own properties, so the state stays a plain object that round-trips
 * through JSON.
 */
export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
