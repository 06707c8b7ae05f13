import { customType } from "drizzle-orm/pg-core";

/**
 * A jsonb column read back exactly as stored. Drizzle's own jsonb parses a string value a second time
 * (it expects drivers that hand jsonb over as text), so the JSON text "[159.84]" stored as a string came
 * back as the list [159.84], and "5" as 5. The postgres driver parses jsonb already.
 */
export const exactJsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});
