/**
 * The image store on the local disk, under `DATA_DIR/images/`: `originals/ab/<sha256>.<ext>` and
 * `derived/<key>/<name>`. Files are written to a temporary name and renamed, so a reader never sees
 * half a file and two servers writing the same content do not trip over each other.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkAddress, type ImageStore } from './image-store';

/** An ImageStore in a directory of the local file system. */
export class FsImageStore implements ImageStore {
  constructor(private readonly root: string) {}

  /** The store under a shop's data directory. */
  static inDataDir(dataDir: string): FsImageStore {
    return new FsImageStore(path.join(dataDir, 'images'));
  }

  async putOriginal(hash: string, format: 'jpeg' | 'png', bytes: Buffer): Promise<void> {
    checkAddress('hash', hash);
    await this.write(path.join(this.root, 'originals', hash.slice(0, 2), `${hash}.${format === 'jpeg' ? 'jpg' : 'png'}`), bytes);
  }

  async getOriginal(hash: string): Promise<Buffer | undefined> {
    checkAddress('hash', hash);
    const dir = path.join(this.root, 'originals', hash.slice(0, 2));
    return (await this.read(path.join(dir, `${hash}.jpg`))) ?? this.read(path.join(dir, `${hash}.png`));
  }

  async putDerived(key: string, name: string, bytes: Buffer): Promise<void> {
    checkAddress('key', key);
    checkAddress('name', name);
    await this.write(path.join(this.root, 'derived', key, name), bytes);
  }

  async getDerived(key: string, name: string): Promise<Buffer | undefined> {
    checkAddress('key', key);
    checkAddress('name', name);
    return this.read(path.join(this.root, 'derived', key, name));
  }

  private async write(file: string, bytes: Buffer): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, file);
  }

  private async read(file: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
