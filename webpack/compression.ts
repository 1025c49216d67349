/** Pre-compressed brotli and gzip twins of every text asset, so the server never compresses them per request. */
import zlib from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';

const TEXT_ASSETS = /\.(js|css|svg|json|html)$/;

export function createCompressionPlugins(): Array<CompressionPlugin<zlib.ZlibOptions> | CompressionPlugin<zlib.BrotliOptions>> {
  return [
    new CompressionPlugin({ test: TEXT_ASSETS, filename: '[path][base].gz', algorithm: 'gzip', compressionOptions: { level: 9 }, threshold: 0, minRatio: 1 }),
    new CompressionPlugin<zlib.BrotliOptions>({
      test: TEXT_ASSETS,
      filename: '[path][base].br',
      algorithm: 'brotliCompress',
      compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } },
      threshold: 0,
      minRatio: 1,
    }),
  ];
}
