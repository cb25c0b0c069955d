import Fastify from 'fastify';
import autocannon from 'autocannon';
const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as any).port;
for (const workers of [0, 1]) {
  const r: any = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 50, duration: 3, ...(workers ? { workers } : {}) });
  console.log({ workers, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, keys: Object.keys(r.latency) });
}
await app.close();
