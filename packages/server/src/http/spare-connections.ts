import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Closes, at shutdown, connections that never carried a request. Node's `server.close()` closes idle keep-alive
 * connections but waits for these until the headers timeout (a minute); fetch (undici) opens one right after a
 * resolver aborts its stream, so without this a server whose resolvers reconnected could take a minute to stop.
 */
export function closeSpareConnectionsOnClose(app: FastifyInstance): void {
  const spare = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    spare.add(socket);
    socket.once('close', () => spare.delete(socket));
  });
  app.server.on('request', (request: { socket: Socket }) => spare.delete(request.socket));
  app.addHook('preClose', async () => {
    for (const socket of spare) socket.destroy();
  });
}
