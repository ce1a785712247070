import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { releaseOnExit, stopOnExit } from './exit-guard';

/** A child process whose output lines are prefixed with its name, stoppable with SIGTERM. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; onLine: (line: string) => void; onExit: (code: number | null) => void },
): ManagedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  stopOnExit(child.pid);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => options.onLine(`[${name}] ${line}`));
  }
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      releaseOnExit(child.pid);
      if (!stopping) options.onExit(code);
      resolve();
    }),
  );
  return {
    name,
    child,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
