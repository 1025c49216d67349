/** One app's node build, used only at build time to render its shells. Never deployed. */
import webpack, { type Configuration } from 'webpack';
import { createBaseConfig } from './base-config';
import { appsDir, rootDir, type App } from './paths';

/** Packages the shell renderer loads from node_modules instead of bundling. */
const NODE_EXTERNALS = /^(react|react-dom|react-router)(\/.*)?$/;

export function createServerConfig(app: App, outputPath: string): Configuration {
  return {
    ...createBaseConfig(),
    name: `server:${app}`,
    target: 'node20',
    entry: { shell: `${appsDir}/${app}/src/shell.tsx` },
    output: { path: outputPath, filename: '[name].cjs', library: { type: 'commonjs2' }, clean: true },
    externalsType: 'commonjs',
    externals: [NODE_EXTERNALS],
    optimization: { minimize: false },
    plugins: [
      // Styles matter only to browsers.
      new webpack.NormalModuleReplacementPlugin(/\.css$/, `${rootDir}/webpack/empty-module.js`),
      // Route chunks inline, so a page's dynamic import resolves without loading files.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    ],
  };
}
