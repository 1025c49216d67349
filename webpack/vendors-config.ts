/** The one vendors bundle: React, ReactDOM, React Router and the kit, exposed on a single global. */
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration } from 'webpack';
import { createBaseConfig } from './base-config';
import { createCompressionPlugins } from './compression';
import { createMinimizers } from './minimizers';
import { cssRule } from './css-rule';
import { appsDir } from './paths';

/** The global the vendors bundle fills and every app reads its externals from. */
export const VENDORS_GLOBAL = '__SF_VENDORS__';

/** Modules the vendors bundle exposes, by the name apps import them with. */
export const VENDOR_MODULES = ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client', 'react-router', '@storefront/kit'] as const;

export function createVendorsConfig(outputPath: string): Configuration {
  const base = createBaseConfig();
  return {
    ...base,
    name: 'vendors',
    target: ['web', 'es2020'],
    entry: { vendors: `${appsDir}/kit/src/vendors-entry.ts` },
    // The kit's after-load parts (worker bridge, web-vitals, IndexedDB, push card) are async chunks.
    output: { path: outputPath, filename: '[name].[contenthash:12].js', chunkFilename: '[name].[contenthash:12].js', publicPath: 'auto', clean: true, uniqueName: 'sf_vendors' },
    module: { rules: [...(base.module?.rules ?? []), cssRule()] },
    optimization: {
      minimizer: createMinimizers(),
      splitChunks: false,
      runtimeChunk: false,
    },
    plugins: [new MiniCssExtractPlugin({ filename: '[name].[contenthash:12].css', chunkFilename: '[name].[contenthash:12].css' }), ...createCompressionPlugins()],
  };
}
