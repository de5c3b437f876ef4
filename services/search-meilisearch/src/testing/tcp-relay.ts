import { type AddressInfo, createServer, type Server, type Socket, connect } from 'node:net';

/** A TCP relay to a server, which a test can cut to make that server unreachable without stopping it. */
export interface TcpRelay {
  /** `http://127.0.0.1:<port>` of the relay. */
  readonly url: string;
  /** Stops listening and drops every open connection: connections are then refused. */
  cut(): Promise<void>;
}

/**
 * Starts a relay on a free local port to `target` (`http://host:port`). Cutting it is how a test
 * loses the engine while the engine (shared by others) keeps running, and how the client's real
 * connection errors reach the adapter.
 */
export async function startTcpRelay(target: string): Promise<TcpRelay> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = connect(Number(port), hostname);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: relayPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${relayPort}`,
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
