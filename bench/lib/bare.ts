import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The ceiling of this process model: a Fastify instance with no plugins, no logger and no
 * database, answering a constant JSON body of about the size of a unit.
 */
export async function startBareFastify(): Promise<BareServer> {
  const app = Fastify();
  const body = {
    id: '01900000-0000-7000-8000-000000000000',
    code: 'Q01-P04-T3',
    name: 'Tổ dân phố 3, Phường 4',
    parentId: '01900000-0000-7000-8000-000000000001',
    hasChildren: false,
    version: 1,
  };
  app.get('/api/units/:id', async () => body);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/units/${body.id}`, close: () => app.close() };
}
