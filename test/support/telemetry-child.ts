/**
 * The telemetry routes alone in a process of their own on a given data directory, for tests that
 * kill it (`kill -9`) and open the same store again. Prints `{url, operator}` as one JSON line once listening.
 * Run: node --import tsx test/support/telemetry-child.ts <dataDir>
 */
import { startTelemetryServer, UNLIMITED_INGESTION } from './telemetry-server';

const dataDir = process.argv[2]!;
// Loads wait for a query (or a row group), never for the timer: what the log holds at a kill is known.
const server = await startTelemetryServer('sqlite', { dataDir, env: { ...UNLIMITED_INGESTION, TELEMETRY_LOAD_AFTER_MS: '600000' } });
process.stdout.write(`${JSON.stringify({ url: server.url, operator: server.operator })}\n`);
