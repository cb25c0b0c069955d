/** Something that runs over and over in the background until stopped. */
export interface Loop {
  start(): void;
  /** Stops scheduling and waits for the round in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `round` again `intervalMs` after each round ends (never two at once), passing failures to
 * `onError` and carrying on. `first` runs once at start, before the first round is scheduled.
 */
export function createLoop(
  round: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
  first?: () => Promise<unknown>,
): Loop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().catch(onError).finally(schedule);
    }, intervalMs);
  }

  return {
    start() {
      stopped = false;
      if (first) running = first().catch(onError);
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
