/**
 * Minifiers for browser builds. Terser for JavaScript: it drops unused functions inside webpack's
 * module scopes, which esbuild's transform mode keeps (that alone was ~40 KB of React Router).
 * esbuild for CSS, where it is fast and good.
 */
import { EsbuildPlugin } from 'esbuild-loader';
import TerserPlugin from 'terser-webpack-plugin';
import type { WebpackPluginInstance } from 'webpack';

export function createMinimizers(): WebpackPluginInstance[] {
  return [
    new TerserPlugin({ extractComments: false, terserOptions: { ecma: 2020, compress: { passes: 2 }, format: { comments: false } } }),
    new EsbuildPlugin({ css: true, exclude: /\.js$/ }),
  ];
}
