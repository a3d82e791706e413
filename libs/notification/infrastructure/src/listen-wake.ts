import type pg from 'pg';

/** A held LISTEN connection; `stop` unlistens and hands it back to the pool. */
export interface WakeListener {
  stop(): Promise<void>;
}

/**
 * Calls `wake` on every NOTIFY of `channel`, on one pooled connection held until `stop`. A broken connection only
 * costs promptness: the loops woken here also poll on their own.
 */
export async function listenToWake(pool: pg.Pool, channel: string, wake: () => void, onError: (e: unknown) => void): Promise<WakeListener> {
  const client = await pool.connect();
  client.on('notification', wake);
  client.on('error', onError);
  await client.query(`LISTEN ${channel}`);
  let released = false;
  return {
    async stop() {
      if (released) return;
      released = true;
      await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
      client.release();
    },
  };
}
