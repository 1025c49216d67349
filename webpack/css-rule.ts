/** CSS for browser builds: plain stylesheets imported by components, extracted into files. */
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { RuleSetRule } from 'webpack';

export function cssRule(): RuleSetRule {
  return { test: /\.css$/, use: [MiniCssExtractPlugin.loader, { loader: 'css-loader', options: { url: false, import: true } }] };
}
