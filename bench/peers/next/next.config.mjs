import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Defaults, minus the powered-by header; this folder is the whole project (the shop's lock file is not its). */
export default { poweredByHeader: false, outputFileTracingRoot: here, turbopack: { root: here } };
