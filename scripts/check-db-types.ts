// `npm run test:db-types`: fails when src/lib/database.types.ts no longer matches the migrations.
import { existsSync, readFileSync } from 'node:fs';
import { generateDbTypes, typesPath } from './db-types.ts';

const expected = await generateDbTypes();
const actual = existsSync(typesPath) ? readFileSync(typesPath, 'utf8') : '';
if (actual !== expected) {
  console.error(
    `${typesPath} does not match the migrations. Run \`npm run db:types\` and commit the result.`,
  );
  process.exit(1);
}
console.log('Database types match the migrations.');
