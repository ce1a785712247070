import { createDataSource, runMigrations } from '@incubator/api/database';
import { FULL_SIZE, generateEcosystem } from './ecosystem';

/**
 * `npm run data:generate -- [--seed=42] [--startups=10000 --sites=30 --modules=10000 --years=10 --rounds=50000]`
 * writes the "bench" organisation into DATABASE_URL (migrated first). Refuses a database that has it already.
 */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('Set DATABASE_URL (e.g. the one `npm start` prints)');
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const size = {
    startups: Number(args['startups'] ?? FULL_SIZE.startups),
    sites: Number(args['sites'] ?? FULL_SIZE.sites),
    modules: Number(args['modules'] ?? FULL_SIZE.modules),
    years: Number(args['years'] ?? FULL_SIZE.years),
    rounds: Number(args['rounds'] ?? FULL_SIZE.rounds),
  };
  const db = await createDataSource(url).initialize();
  try {
    await runMigrations(db);
    const [existing] = await db.query(`SELECT 1 FROM organisations WHERE slug = 'bench'`);
    if (existing) throw new Error('This database already has the "bench" organisation');
    console.log(`generating ${JSON.stringify(size)} with seed ${args['seed'] ?? 42}`);
    await generateEcosystem(db, size, Number(args['seed'] ?? 42));
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
