import { Worker } from 'node:worker_threads';
console.log(process.execArgv);
const w = new Worker(new URL('./w-entry.mjs', import.meta.url));
w.on('message', (m) => { console.log('got', m); void w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
