/** What every webpack build shares: TypeScript through esbuild, the kit alias, production defaults. */
import type { Configuration } from 'webpack';
import { kitEntry, rootDir } from './paths';

export function createBaseConfig(): Configuration {
  return {
    mode: 'production',
    context: rootDir,
    devtool: false,
    bail: true,
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      alias: {
        '@storefront/kit$': kitEntry,
        '@storefront/kit': `${rootDir}/apps/kit/src`,
        // React Router's package exports name only its development build; ship the production one.
        'react-router$': `${rootDir}/node_modules/react-router/dist/production/index.mjs`,
      },
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic', tsconfig: `${rootDir}/apps/tsconfig.json` },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
    cache: false,
  };
}
