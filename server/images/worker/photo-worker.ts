/** The photo worker thread: runs each job it is sent, one at a time, and posts the outcome back. */
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { runPhotoJob, type PhotoJob } from './photo-jobs';

// The pool decides how much runs at once; libvips keeps to one thread per image and no cache,
// so a worker's memory is one photo's worth, not a growing cache.
sharp.concurrency(1);
sharp.cache(false);

parentPort!.on('message', (message: { id: number; job: PhotoJob }) => {
  void runPhotoJob(message.job).then((outcome) => parentPort!.postMessage({ id: message.id, outcome }));
});
