import { writeFileSync } from "node:fs";
import { generateSchemaSource, SCHEMA_FILE } from "./generate";

// `npm run client:generate`: rewrites the client's checked-in types from the live generator.
generateSchemaSource()
  .then((source) => {
    writeFileSync(SCHEMA_FILE, source);
    console.log(`wrote ${SCHEMA_FILE} (${source.length} characters)`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
