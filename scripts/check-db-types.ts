// `npm run test:db-types`: fails when a generated Database type no longer matches the migrations.
import { existsSync, readFileSync } from 'node:fs';
import { generateDbTypes, typesPaths } from './db-types.ts';

const expected = await generateDbTypes();
const stale = typesPaths.filter(
  (path) => !existsSync(path) || readFileSync(path, 'utf8') !== expected,
);
if (stale.length > 0) {
  console.error(
    `${stale.join(', ')} no longer match the migrations. Run \`npm run db:types\` and commit.`,
  );
  process.exit(1);
}
console.log('Database types match the migrations.');
