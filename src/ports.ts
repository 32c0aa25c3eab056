/** Side effects the core needs, passed in so tests can supply their own. */
export interface Clock {
  /** Wall-clock time, for timestamps. */
  now(): Date;
  /** Monotonic milliseconds, for measuring durations. */
  monotonic(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  monotonic: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
