// `npm run db:types`: regenerates src/lib/database.types.ts from the migrations.
import { writeFileSync } from 'node:fs';
import { generateDbTypes, typesPath } from './db-types.ts';

writeFileSync(typesPath, await generateDbTypes());
console.log(`Wrote ${typesPath}`);
