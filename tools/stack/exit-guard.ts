/**
 * Last line of defence against orphan servers: whatever way this process exits (normal end, signal,
 * uncaught error, an exit hook of a library calling process.exit first), every process still
 * registered here receives its stop signal. Sending a signal is synchronous, so it works in 'exit'.
 */
const guarded = new Map<number, NodeJS.Signals>();

process.on('exit', () => {
  for (const [pid, signal] of guarded) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
});

export function stopOnExit(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (pid) guarded.set(pid, signal);
}

export function releaseOnExit(pid: number | undefined): void {
  if (pid) guarded.delete(pid);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
