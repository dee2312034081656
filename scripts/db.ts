// Starts a throwaway PostgreSQL 17 with the bootstrap and migrations, prints its URL and
// waits for Ctrl-C. (Issue "Local Supabase-compatible stack" grows this into `npm start`.)
import { startMigratedDatabase, tempDataDir } from '../local-stack/database.ts';

const db = await startMigratedDatabase({ dataDir: tempDataDir('pullup-db') });
console.log(`PostgreSQL 17 with all migrations is ready:\n  ${db.url}\nCtrl-C stops it.`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
