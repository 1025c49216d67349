/**
 * The operators' console: one bundle with its own React (it is not one of the shop's apps and
 * never uses the vendors bundle), TypeScript checked against apps/ops-console/tsconfig.json.
 */
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration } from 'webpack';
import { createBaseConfig } from './base-config';
import { createCompressionPlugins } from './compression';
import { cssRule } from './css-rule';
import { createMinimizers } from './minimizers';
import { rootDir } from './paths';

export const consoleSrc = `${rootDir}/apps/ops-console/src`;

export function createConsoleConfig(outputPath: string): Configuration {
  const base = createBaseConfig();
  return {
    ...base,
    name: 'ops-console',
    target: ['web', 'es2020'],
    entry: { console: `${consoleSrc}/index.tsx` },
    output: { path: outputPath, filename: '[name].[contenthash:12].js', publicPath: 'auto', clean: true, uniqueName: 'sf_ops_console' },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic', tsconfig: `${rootDir}/apps/ops-console/tsconfig.json` },
        },
        cssRule(),
      ],
    },
    optimization: { minimizer: createMinimizers(), splitChunks: false, runtimeChunk: false },
    plugins: [new MiniCssExtractPlugin({ filename: '[name].[contenthash:12].css' }), ...createCompressionPlugins()],
  };
}
