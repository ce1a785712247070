/**
 * Resolves in a task of its own, after what the browser has waiting (input, rendering): long start-up work
 * cut at these points is several short tasks rather than one long one that a tap would wait for.
 * `scheduler.yield` where the browser has it (the continuation goes before other queued tasks), else a
 * zero-delay timer.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
