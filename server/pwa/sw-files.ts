/**
 * What the service-worker routes send, per release: the worker, the offline page and the web app
 * manifest. Each is rendered when its inputs change (a release pointer, the worker build, the icons,
 * the kill switch) and kept as bytes, so requests only compare a key and write a Buffer.
 */
import type { Logger } from 'pino';
import type { ReleaseRegistry } from '../shells/release-registry';
import type { KillSwitch } from './kill-switch';
import { renderOfflinePage } from './offline-page';
import { webManifest } from './web-manifest';
import { WorkerBuildReader, type IconIndex } from './worker-build';
import { renderWorker } from './worker-script';

export interface SwFileSet {
  /** null until a worker has been built. */
  worker: Buffer | null;
  offlinePage: Buffer;
  manifest: Buffer;
  icons: IconIndex;
}

export class SwFiles {
  private readonly builds: WorkerBuildReader;
  private key = '';
  private files: SwFileSet | null = null;

  constructor(
    private readonly releases: ReleaseRegistry,
    private readonly killSwitch: KillSwitch,
    private readonly options: { distDir: string; assetBaseUrl: string; logger: Logger },
  ) {
    // The worker of the release in force, so a node never pairs one release's shells with another's worker.
    this.builds = new WorkerBuildReader(options.distDir, options.logger, () => releases.current.pointers.sw);
  }

  /** The files for the release, build and switch in force now. */
  current(): SwFileSet {
    const release = this.releases.current;
    const build = this.builds.current();
    const killed = this.killSwitch.killed;
    const key = `${release.key}|${build?.id ?? '-'}|${JSON.stringify(build?.icons ?? {})}|${killed}`;
    if (this.files && key === this.key) return this.files;
    const icons = build?.icons ?? {};
    const offlinePage = renderOfflinePage(release, this.options.assetBaseUrl);
    const manifest = JSON.stringify(webManifest(icons));
    this.files = {
      worker: build ? renderWorker({ release, build, killed, offlinePage, manifest }) : null,
      offlinePage: Buffer.from(offlinePage, 'utf8'),
      manifest: Buffer.from(manifest, 'utf8'),
      icons,
    };
    this.key = key;
    return this.files;
  }
}
