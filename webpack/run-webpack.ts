/** Runs one webpack configuration and returns its stats, or throws with webpack's own error text. */
import webpack, { type Configuration, type Stats } from 'webpack';

export function runWebpack(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error(`webpack produced no stats for ${config.name}`));
      if (stats.hasErrors()) {
        const text = stats.toString({ all: false, errors: true, colors: false });
        return reject(new Error(`Build ${config.name} failed:\n${text}`));
      }
      resolve(stats);
    });
  });
}
