/** The server's pino logger. Request bodies are never logged: they may carry codes and personal data. */
import pino, { type Logger } from 'pino';
import PinoPretty from 'pino-pretty';

export interface LoggerOptions {
  /** Readable, coloured lines for a person at a terminal; JSON lines (for log collectors) otherwise. */
  pretty?: boolean;
  /** Where lines go; standard output by default. */
  destination?: NodeJS.WritableStream;
}

/** A logger at `level`; `npm start` asks for pretty lines when its output is a terminal. */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const settings = {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
  };
  const destination = options.destination ?? process.stdout;
  if (!options.pretty) return options.destination ? pino(settings, options.destination) : pino(settings);
  // A stream in this thread rather than a transport worker: log lines stay in order with the rest of the output.
  const pretty = PinoPretty({ colorize: destination === process.stdout, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true, destination, sync: true });
  return pino(settings, pretty);
}
