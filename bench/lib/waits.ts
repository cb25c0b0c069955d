import type pg from 'pg';

/**
 * What the database's backends are doing while a load runs, sampled from pg_stat_activity: running
 * ("CPU"), waiting on a lock or I/O (the wait event), or idle inside a transaction (waiting on the
 * application). Tells whether a load is bound by the database, by locks, or by the Node process.
 */
export function sampleBackends(pool: pg.Pool, everyMs = 25) {
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await pool.query<{ what: string }>(
        `SELECT CASE WHEN state = 'idle in transaction' THEN 'idle in transaction (waiting on Node)'
                     WHEN wait_event_type IS NULL THEN 'running (CPU): ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 70)
                     ELSE wait_event_type || ':' || wait_event END AS what
           FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND state IN ('active', 'idle in transaction')`,
      );
      samples++;
      for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    /** Stops sampling; the busiest states first, as "state: average backends". */
    async stop(): Promise<string> {
      stopped = true;
      await loop;
      return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([what, n]) => `${what} ${(n / Math.max(samples, 1)).toFixed(1)}`)
        .join(', ');
    },
  };
}
