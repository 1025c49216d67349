/**
 * The operators' files in deploy/: the nginx config renders from its template, parses, and in front
 * of a real node passes the node's codings and cache headers through and keeps hashed assets; the
 * Kubernetes manifests and the compose file parse and hang together (probes, selectors, targets);
 * the systemd unit has no key systemd does not know. Each part skips when its tool is missing.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from '../support/server';
import { freePort } from '../support/free-port';

const deployDir = path.resolve(import.meta.dirname, '../../deploy');
const has = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const NGINX = has('nginx', ['-v']);
const PYTHON_YAML = has('python3', ['-c', 'import yaml']);

/** envsubst with a list of names, as the nginx image runs it: only these `${NAME}`s are replaced. */
function render(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A whole nginx.conf around the shipped snippet, with every path under `dir`. */
function nginxConf(dir: string, values: Record<string, string>): string {
  fs.writeFileSync(path.join(dir, 'storefront.conf'), render(fs.readFileSync(path.join(deployDir, 'nginx/storefront.conf.template'), 'utf8'), values));
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/storefront.conf;
}
`;
}

describe('deploy/nginx', { skip: NGINX ? false : 'nginx is not installed' }, () => {
  let dir: string;
  let node: TestServer;
  let nginx: ChildProcess | undefined;
  let base: string;

  before(async () => {
    // Readable by nginx's workers, which run as an unprivileged user when the tests run as root.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-test-'));
    fs.chmodSync(dir, 0o777);
    node = await startServer('sqlite');
    const port = await freePort();
    const upstream = new URL(node.url).host;
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      nginxConf(dir, { SHOP_UPSTREAMS: `server ${upstream} max_fails=2 fail_timeout=5s; server ${upstream} max_fails=2 fail_timeout=5s;`, LISTEN_PORT: `127.0.0.1:${port}`, NGINX_CACHE_DIR: `${dir}/cache` }),
    );
    base = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((resolve) => nginx!.once('exit', resolve));
    }
    await node?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('parses (nginx -t)', () => {
    const result = spawnSync('nginx', ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('proxies a shell uncached and a hashed asset with its coding, kept by nginx after the first request', async () => {
    nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
    let shell: Response | undefined;
    while (!shell) {
      shell = await fetch(`${base}/`).catch(() => undefined);
      if (!shell) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(shell.status, 200);
    assert.equal(shell.headers.get('cache-control'), 'no-cache');
    const asset = /\/static\/vendors\/[a-f0-9]+\/[\w.-]+\.js/.exec(await shell.text())?.[0];
    assert.ok(asset, 'the shell names the vendors bundle');
    const first = await fetch(base + asset, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-encoding'), 'br');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(first.headers.get('x-cache-status'), 'MISS');
    await first.arrayBuffer();
    const again = await fetch(base + asset, { headers: { 'accept-encoding': 'br' } });
    assert.equal(again.headers.get('x-cache-status'), 'HIT');
    assert.equal(again.headers.get('content-encoding'), 'br');
    await again.arrayBuffer();
    const gzip = await fetch(base + asset, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip', 'another coding is another cache entry');
    await gzip.arrayBuffer();
  });
});

/** Every YAML document of `file`, as JSON (through python3's yaml). */
function yamlDocs(file: string): any[] {
  const script = 'import sys, json, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))';
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as any[];
}

describe('deploy/kubernetes and deploy/compose.yaml', { skip: PYTHON_YAML ? false : 'python3 with yaml is not installed' }, () => {
  const k8s = (name: string) => yamlDocs(path.join(deployDir, 'kubernetes', name))[0];

  it('probes /healthz for liveness and /readyz for readiness, and takes secrets by reference only', () => {
    const deployment = k8s('deployment.yaml');
    assert.equal(deployment.kind, 'Deployment');
    const [container] = deployment.spec.template.spec.containers;
    assert.equal(container.livenessProbe.httpGet.path, '/healthz');
    assert.equal(container.readinessProbe.httpGet.path, '/readyz');
    const secretRefs = container.env.filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => e.valueFrom.secretKeyRef.name);
    assert.ok(secretRefs.length > 0 && secretRefs.every((name: string) => name === 'storefront-secrets'));
    assert.ok(container.envFrom.some((e: any) => e.configMapRef?.name === k8s('configmap.yaml').metadata.name));
    const files = fs.readdirSync(path.join(deployDir, 'kubernetes'));
    assert.ok(!files.some((file) => yamlDocs(path.join(deployDir, 'kubernetes', file)).some((doc) => doc?.kind === 'Secret')), 'no Secret is shipped');
  });

  it('selects the Deployment’s pods from the Service and the PodDisruptionBudget, and scales it with the autoscaler', () => {
    const deployment = k8s('deployment.yaml');
    const labels = deployment.spec.template.metadata.labels;
    assert.deepEqual(deployment.spec.selector.matchLabels, labels);
    assert.deepEqual(k8s('service.yaml').spec.selector, labels);
    assert.deepEqual(k8s('pdb.yaml').spec.selector.matchLabels, labels);
    const hpa = k8s('hpa.yaml');
    assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    assert.ok(hpa.spec.minReplicas >= 2, 'a rolling restart keeps a node serving');
    const port = deployment.spec.template.spec.containers[0].ports[0].name;
    assert.equal(k8s('service.yaml').spec.ports[0].targetPort, port);
  });

  it('lists every manifest in the kustomization', () => {
    const listed = k8s('kustomization.yaml').resources.sort();
    const files = fs.readdirSync(path.join(deployDir, 'kubernetes')).filter((file) => file !== 'kustomization.yaml').sort();
    assert.deepEqual(listed, files);
  });

  it('renders with kustomize', { skip: has('kubectl', ['version', '--client']) ? false : 'kubectl is not installed' }, () => {
    const result = spawnSync('kubectl', ['kustomize', path.join(deployDir, 'kubernetes')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /kind: HorizontalPodAutoscaler/);
  });

  it('runs three nodes on one PostgreSQL and one Redis behind nginx, which names each node', () => {
    const [compose] = yamlDocs(path.join(deployDir, 'compose.yaml'));
    const services = Object.keys(compose.services).sort();
    assert.deepEqual(services, ['nginx', 'node1', 'node2', 'node3', 'postgres', 'redis']);
    for (const name of ['node1', 'node2', 'node3']) {
      const env = compose.services[name].environment;
      assert.match(env.DATABASE_URL, /@postgres:5432\//);
      assert.equal(env.REDIS_URL, 'redis://redis:6379');
      assert.equal(env.TRUST_PROXY, '1');
      assert.match(compose.services.nginx.environment.SHOP_UPSTREAMS, new RegExp(`server ${name}:3000`));
    }
  });
});

describe('deploy/systemd', { skip: has('systemd-analyze', ['--version']) ? false : 'systemd-analyze is not installed' }, () => {
  it('has no key or value systemd refuses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unit-test-'));
    try {
      fs.copyFileSync(path.join(deployDir, 'systemd/storefront@.service'), path.join(dir, 'storefront@.service'));
      const result = spawnSync('systemd-analyze', ['verify', path.join(dir, 'storefront@3000.service')], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stderr, /unknown|invalid|failed to parse|ignoring/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
