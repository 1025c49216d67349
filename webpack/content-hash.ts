/** Content hashes of files and folders: what names a vendors build and an app build. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Every file below `dir`, relative, sorted, so hashes do not depend on directory order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** A short hex hash of every file's name and bytes below `dir`, and of `extra`. */
export function hashDirectory(dir: string, extra = '', length = 12): string {
  const hash = crypto.createHash('sha256').update(extra).update('\0');
  for (const file of listFiles(dir)) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(dir, file))).update('\0');
  }
  return hash.digest('hex').slice(0, length);
}

/** Moves a finished staging folder to its content-addressed home; an identical build already there wins. */
export function publishDirectory(staging: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) {
    fs.rmSync(staging, { recursive: true, force: true });
    return;
  }
  fs.renameSync(staging, target);
}
