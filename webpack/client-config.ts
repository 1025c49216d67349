/** One app's browser build: vendors external, one chunk per route type, CSS extracted, pre-compressed. */
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import webpack, { type Configuration, type ExternalItemFunctionData } from 'webpack';
import { createBaseConfig } from './base-config';
import { createCompressionPlugins } from './compression';
import { createMinimizers } from './minimizers';
import { cssRule } from './css-rule';
import { appsDir, type App } from './paths';
import { VENDOR_MODULES, VENDORS_GLOBAL } from './vendors-config';

const vendorModules = new Set<string>(VENDOR_MODULES);

/** Resolves vendor imports to the global; refuses deep kit imports, which would copy kit code into the app. */
function vendorsExternals({ request, contextInfo }: ExternalItemFunctionData, callback: (error?: Error, result?: string) => void): void {
  if (request && vendorModules.has(request)) return callback(undefined, `${VENDORS_GLOBAL}[${JSON.stringify(request)}]`);
  const fromApp = !contextInfo?.issuer?.includes(`${appsDir}/kit/`);
  if (request?.startsWith('@storefront/kit/') && fromApp) {
    return callback(new Error(`${contextInfo?.issuer} imports ${request}: apps import only "@storefront/kit", which the vendors bundle provides.`));
  }
  callback();
}

export function createClientConfig(app: App, outputPath: string): Configuration {
  const base = createBaseConfig();
  return {
    ...base,
    name: `client:${app}`,
    target: ['web', 'es2020'],
    entry: { [app]: `${appsDir}/${app}/src/client.tsx` },
    output: {
      path: outputPath,
      filename: '[name].[contenthash:12].js',
      chunkFilename: '[name].[contenthash:12].js',
      // Derived from the script's own URL at run time, so bytes don't depend on where a release is served.
      publicPath: 'auto',
      clean: true,
      uniqueName: `sf_${app.replace(/-/g, '_')}`,
    },
    externalsType: 'var',
    externals: [vendorsExternals],
    module: { rules: [...(base.module?.rules ?? []), cssRule()] },
    optimization: {
      minimizer: createMinimizers(),
      runtimeChunk: false,
      splitChunks: { chunks: 'async', minSize: 4000 },
      chunkIds: 'deterministic',
      moduleIds: 'deterministic',
    },
    plugins: [
      // The release label (a commit id, a date) ends up in the app, so telemetry can tell releases apart.
      new webpack.DefinePlugin({ 'process.env.RELEASE_LABEL': JSON.stringify(process.env.RELEASE_LABEL ?? 'dev') }),
      new MiniCssExtractPlugin({ filename: '[name].[contenthash:12].css', chunkFilename: '[name].[contenthash:12].css' }), ...createCompressionPlugins()],
  };
}
