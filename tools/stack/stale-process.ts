import { existsSync, readFileSync, rmSync } from 'node:fs';
import { isAlive } from './exit-guard';

/**
 * A server of ours left running by a launcher that was killed with SIGKILL (no chance to clean up)
 * still holds its data directory. Stop it before starting a new one on the same directory.
 */
export async function stopStaleServer(pidFile: string, expectedCommand: string, signal: NodeJS.Signals): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0].trim());
  if (Number.isInteger(pid) && pid > 0 && commandOf(pid).includes(expectedCommand)) {
    process.kill(pid, signal);
    await untilExited(pid, 10_000);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Resolves once the process is gone (or after the timeout). */
export async function untilExited(pid: number, timeoutMs = 15_000): Promise<void> {
  for (let waited = 0; isAlive(pid) && waited < timeoutMs; waited += 100) await sleep(100);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
