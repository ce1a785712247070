import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createDataSource, runMigrations } from '@incubator/api/database';
import { PasswordHasher, upsertPlatformOperator } from '@incubator/api/identity';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@incubator/contracts';
import { startLocalStack } from '../stack/local-stack';

const USAGE = `usage: npm run operator:create -- --email <address> [--name <display name>] [--locale fr|en] [--password <password>]
  Creates a platform operator (outside every organisation: global queues and heartbeats), or resets the
  name and password of an existing one. Without --password, reads OPERATOR_PASSWORD or asks for it
  (typed without echo), which keeps it out of the shell history.`;

/**
 * `npm run operator:create`: against DATABASE_URL, or the local embedded PostgreSQL under .data/ when
 * it is unset (like `npm run db:*`). Applies pending migrations first, so it works on a fresh database.
 */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return void console.log(USAGE);
  const email = values.email?.trim().toLowerCase() ?? '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw new Error(`A valid --email is required\n${USAGE}`);
  const locale = values.locale ?? 'fr';
  if (locale !== 'fr' && locale !== 'en') throw new Error('--locale is fr or en');
  const password = values.password ?? process.env['OPERATOR_PASSWORD'] ?? (await askHidden(`Password for ${email}: `));
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new Error(`The password needs ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
  const displayName = values.name?.trim() || 'Platform operator';

  const stack = await startLocalStack({ mode: 'persistent' });
  const dataSource = createDataSource(stack.databaseUrl);
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const passwordHash = await new PasswordHasher().hash(password);
    await dataSource.transaction((manager) => upsertPlatformOperator(manager, { email, displayName, passwordHash, locale }));
    console.log(`Platform operator ${email} ready: sign in at /login`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stack.stop();
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`No --password, no OPERATOR_PASSWORD and no terminal to ask on\n${USAGE}`);
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = prompt as unknown as { _writeToOutput: (text: string) => void };
  let asked = false;
  output._writeToOutput = (text: string) => {
    if (!asked) process.stdout.write(text);
    asked = true;
  };
  return new Promise((resolve) =>
    prompt.question(question, (answer) => {
      prompt.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

main(process.argv.slice(2)).catch((error) => {
  // The message only: never the arguments, which may carry the password.
  console.error(error instanceof Error ? error.message : 'operator:create failed');
  process.exit(1);
});
