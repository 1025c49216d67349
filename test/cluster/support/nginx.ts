/** nginx in front of the nodes, as in production: round robin, keep-alive upstreams, X-Forwarded-For. */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../support/free-port';
import { run, waitUntil, type Running } from './processes';

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
export const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** The config for a private nginx under `dir` (`-p dir`), listening on `port`, balancing over `upstreams`. */
export function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  return `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  upstream shop {
    ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=0;`).join('\n    ')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://shop;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Never to disk: the temp folders belong to whoever started the test, not to nginx's workers.
      proxy_max_temp_file_size 0;
      # A node that is draining or restarting refuses the connection: the request goes to the next one.
      # Orders too (non_idempotent): each carries an Idempotency-Key, so a retried one is placed once.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
  }
}
`;
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/** Starts nginx under `dir` in front of `upstreams`; resolves once it answers. */
export async function startNginx(dir: string, upstreams: number[]): Promise<Nginx> {
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig(dir, port, upstreams));
  // `-e` keeps nginx off the system's error log before it reads the config.
  const nginx: Running = run(NGINX, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')]);
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/healthz`)).status === 200, 'nginx', { process: nginx, limitMs: 20_000 });
  return {
    url,
    async stop() {
      await nginx.stop(5000);
    },
  };
}
