/**
 * What the shop's command-line tools (`npm run sw | orders | images | push`) share: how they run
 * (arguments in, an exit code out; anything thrown prints its message and exits 1) and how a
 * refusal reads on a terminal.
 */
import type { AppError } from './errors/app-error';

/** A refusal as a line for the terminal: its code, message and details. */
export function appErrorLine(error: AppError): string {
  return `${error.code}: ${error.message}${error.details === undefined ? '' : ` ${JSON.stringify(error.details)}`}`;
}

/** Runs `main` with the process's arguments and exits with the code it answers. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
