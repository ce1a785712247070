import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../../stack/local-stack';

/**
 * The compose file is committed: it must hold no secret, only `${VAR:?message}` references, so compose
 * refuses to start rather than fall back to a value everybody can read on GitHub.
 */
describe('docker/compose.yml takes every secret from the environment', () => {
  const compose = readFileSync(join(WORKSPACE_ROOT, 'docker/compose.yml'), 'utf8');
  const settings = compose
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .map((line) => /^\s*-?\s*([A-Z][A-Z0-9_]*):\s*(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, name, value]) => ({ name, value: value.replace(/^"|"$/g, '') }));
  const required = (value: string) => /^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(value);

  it('gives every password, secret and mail URL as a required variable', () => {
    const secrets = settings.filter(({ name }) => /PASSWORD|SECRET|SMTP_URL/.test(name));
    expect(secrets.map(({ name }) => name).sort()).toEqual(
      ['JWT_SECRET', 'POSTGRES_APP_PASSWORD', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'REDIS_SENTINEL_PASSWORD', 'SMTP_URL'].sort(),
    );
    expect(secrets.filter(({ value }) => !required(value))).toEqual([]);
  });

  it('puts only variables, never literals, in the credentials of a connection URL', () => {
    const urls = settings.filter(({ value }) => /^[a-z]+:\/\//.test(value));
    const credentials = urls.map(({ name, value }) => ({ name, password: /^[a-z]+:\/\/[^:/@]*:([^@]*)@/.exec(value)?.[1] }));
    expect(credentials.filter(({ name }) => /DATABASE|REDIS/.test(name))).toHaveLength(3); // app, migrations, Redis
    expect(credentials.filter(({ password }) => password !== undefined && !required(password))).toEqual([]);
    expect(credentials.filter(({ name, password }) => /DATABASE|REDIS/.test(name) && password === undefined)).toEqual([]);
  });

  it('connects the application as its own role and only the migrations as the owner', () => {
    const value = (name: string) => settings.find((setting) => setting.name === name)?.value ?? '';
    expect(value('DATABASE_URL')).toMatch(/^postgres:\/\/incubator_app:/);
    expect(value('DATABASE_MIGRATION_URL')).toMatch(/^postgres:\/\/incubator:/);
    expect(readFileSync(join(WORKSPACE_ROOT, 'docker/api-entrypoint.sh'), 'utf8')).toMatch(/DATABASE_URL="\$\{DATABASE_MIGRATION_URL:-\$DATABASE_URL\}" node apps\/api\/main.js migrate/);
  });
});
