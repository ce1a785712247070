import { createDataSource, runMigrations } from '@incubator/api/database';
import { seedDemoData } from '../seed/demo-seed';
import { startLocalStack } from '../stack/local-stack';

const USAGE = 'usage: tsx tools/db/cli.ts migrate | revert | seed';

/**
 * `npm run db:migrate | db:revert | db:seed` against DATABASE_URL, or against the local embedded
 * PostgreSQL under .data/ (started for the command and stopped after it) when DATABASE_URL is unset.
 */
async function main(command: string | undefined): Promise<void> {
  if (!['migrate', 'revert', 'seed'].includes(command ?? '')) throw new Error(USAGE);
  const stack = await startLocalStack({ mode: 'persistent' });
  const dataSource = createDataSource(stack.databaseUrl);
  try {
    await dataSource.initialize();
    if (command === 'migrate') {
      const ran = await runMigrations(dataSource);
      console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'No pending migrations');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration');
    } else {
      await runMigrations(dataSource);
      await seedDemoData(dataSource);
      console.log('Demo data written');
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stack.stop();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
