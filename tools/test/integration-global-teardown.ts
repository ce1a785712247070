import type { LocalStack } from '../stack/local-stack';

export default async function teardown(): Promise<void> {
  await (globalThis as { __STACK__?: LocalStack }).__STACK__?.stop();
}
