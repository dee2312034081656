// `npm run db:types`: regenerates the Database types (SPA and functions) from the migrations.
import { writeFileSync } from 'node:fs';
import { generateDbTypes, typesPath } from './db-types.ts';

writeFileSync(typesPath, await generateDbTypes());
console.log(`Wrote ${typesPath}`);
