/**
 * What a vendors bundle really exposes: the bundle is evaluated in an isolated VM context (React
 * and React Router touch no DOM when loaded) and the names on its global are read back.
 */
import fs from 'node:fs';
import vm from 'node:vm';
import { VENDORS_GLOBAL } from './vendors-config';

/** Module name → sorted export names, as apps see them through the vendors global. */
export function readVendorsExports(bundleFile: string): Record<string, string[]> {
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    performance,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    // The bundle finds where its async chunks live from the script tag that loaded it
    // (publicPath 'auto'); nothing is loaded here, the URL only has to exist.
    document: { currentScript: { tagName: 'SCRIPT', src: 'https://vendors.invalid/vendors.js' } },
  };
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(bundleFile, 'utf8'), sandbox, { filename: bundleFile });
  const modules = sandbox[VENDORS_GLOBAL] as Record<string, object> | undefined;
  if (!modules) throw new Error(`${bundleFile} did not define ${VENDORS_GLOBAL}.`);
  return Object.fromEntries(Object.entries(modules).map(([name, value]) => [name, Object.keys(value).sort()]));
}
