// `npm run test:db-types`: fails when the generated Database types no longer match the migrations.
import { existsSync, readFileSync } from 'node:fs';
import { generateDbTypes, typesPath } from './db-types.ts';

const expected = await generateDbTypes();
if (!existsSync(typesPath) || readFileSync(typesPath, 'utf8') !== expected) {
  console.error(
    `${typesPath} no longer matches the migrations. Run \`npm run db:types\` and commit.`,
  );
  process.exit(1);
}
console.log('Database types match the migrations.');
