import cluster from 'node:cluster';

/**
 * Runs `count` API processes sharing the port (node:cluster): Node runs a process's JavaScript on one
 * core, so one process leaves the other cores to PostgreSQL at best. Every cache of the API is either
 * checked against a version counter on use (space snapshots, startup list pages) or short-lived (board
 * dashboard), so the processes need nothing from each other. The primary serves nothing: it forwards SIGTERM/SIGINT,
 * and when a process dies on its own it stops the others and exits non-zero, so whoever supervises
 * the API (npm start, the container runtime) sees one crash and restarts the whole.
 */
export function serveFromProcesses(count: number): void {
  let running = count;
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  cluster.on('exit', (worker, code, signal) => {
    running--;
    if (!stopping) {
      console.error(`API process ${worker.process.pid} exited (${signal ?? code}); stopping the others`);
      process.exitCode = 1;
      stopAll('SIGTERM');
    }
    if (running === 0) process.exit();
  });
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
  for (let i = 0; i < count; i++) cluster.fork();
}
