/** A local TCP port nothing listens on right now, for a child process (nginx, a node, a peer) to take. */
import net from 'node:net';

/** The port the system hands out for a listen on port 0, closed again for the caller to use. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
