// `npm run db:types`: regenerates the Database types (SPA and functions) from the migrations.
import { writeFileSync } from 'node:fs';
import { generateDbTypes, typesPaths } from './db-types.ts';

const types = await generateDbTypes();
for (const path of typesPaths) {
  writeFileSync(path, types);
  console.log(`Wrote ${path}`);
}
