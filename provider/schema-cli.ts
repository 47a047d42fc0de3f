// `npm run -s schema`: prints the provider plugin's package schema as JSON.
import { schemaJson } from "./schema";

process.stdout.write(`${schemaJson()}\n`);
