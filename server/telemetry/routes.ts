/**
 * Foxtrot-compatible HTTP API under /foxtrot: tables, documents (single and bulk), analytics,
 * FQL (JSON, text and CSV). Each route has its own body limit; every error answers JSON with a code.
 * Documents come from every shopper's browser, so posting them is open; everything that reads
 * events back or manages tables is for operators (the token as a Bearer header, as Foxtrot's token
 * auth sends it, or the console's login).
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { ServerDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { jsonErrors } from '../http/error-handler';
import { requireOperator, type OperatorAuth } from '../http/operators/operator-auth';
import { requireJson } from '../http/require-json';
import { parseInput } from '../http/validate';
import { Analytics } from './analytics';
import { apiTimingRecorder } from './api-timing';
import { toCsv } from './csv';
import type { EventEngine } from './engine/engine';
import { InFlight } from './engine/in-flight';
import { RecentIds } from './ids/recent-ids';
import { DEFAULT_POLICY } from './mapping/mapping-policy';
import { Mappings } from './mapping/mappings';
import { IngestBudget } from './budget/ingest-budget';
import { moveOldTelemetryFile, openDuckdbEngine } from './engine/duckdb-engine';
import { openPostgresEngine } from './engine/postgres-engine';
import { runFql } from './fql/run-fql';
import { renderText } from './fql/text-table';
import { Ingestion } from './ingest';
import { INTERNAL_EVENT_TABLES, internalEvents } from './internal-events';
import { TABLE_NAME, TableRegistry } from './tables';

/** Tables the shop writes to itself (ARCHITECTURE §6), created on start; `server` only the shop may write (INTERNAL_TABLES). */
const OWN_TABLES = [
  { name: 'storefront', ttl: 30 },
  { name: 'server', ttl: 30 },
];
const PURGE_EVERY_MS = 10 * 60_000;

const tableBody = z.object({
  name: z.string().regex(TABLE_NAME, 'must be 1 to 64 lower-case letters, digits or _, starting with a letter'),
  ttl: z.number().int().min(1).max(3650),
});

export type TelemetryRouter = Router & { close(): Promise<void> };

/** Opens the event engine for the shop's store and returns the router (queries guarded by `operators`); call `close()` on shutdown. */
export async function telemetryRoutes(deps: ServerDeps, operators: OperatorAuth): Promise<TelemetryRouter> {
  const settings = deps.config.telemetry;
  let engine: EventEngine;
  if (deps.store.dialect === 'postgres') {
    engine = await openPostgresEngine(deps.store.db, {
      role: settings.pgRole,
      queryTimeoutMs: settings.queryTimeoutMs,
      logger: deps.logger,
      connectionString: deps.config.databaseUrl!,
      schema: deps.config.databaseSchema,
    });
  } else {
    moveOldTelemetryFile(deps.config.dataDir, settings.dir);
    engine = await openDuckdbEngine({ dir: settings.dir, queryTimeoutMs: settings.queryTimeoutMs, loadAfterMs: settings.loadAfterMs });
  }
  const tables = await TableRegistry.open(deps.store.db, engine, deps.now);
  for (const own of [...OWN_TABLES, ...INTERNAL_EVENT_TABLES]) await tables.ensure(own.name, own.ttl);
  const readers = new InFlight();
  const policy = { ...DEFAULT_POLICY, after: settings.columnsAfter };
  const mappings = await Mappings.open(engine, tables.list().map((t) => t.name), policy, readers, deps.logger);
  const ids = new RecentIds((table, from, to) => engine.ids(table, from, to));
  const ingestion = new Ingestion(engine, tables, deps.now, settings.tableMaxBytes, mappings, ids);
  const analytics = new Analytics(engine, tables, deps.now, mappings, readers);
  const budget = new IngestBudget(settings, deps.limits, deps.now);
  const timings = apiTimingRecorder(deps);
  // The shop's own writer: the only one internal tables such as `server` accept.
  timings.attach({ bulk: (table, documents) => ingestion.bulk(table, documents, 'server') });
  // Other domains' internal events (push outcomes) go in through the same writer.
  const internal = internalEvents(deps);
  internal.attach({ bulk: (table, documents) => ingestion.bulk(table, documents, 'server') });

  const purge = async () => {
    for (const table of tables.list()) {
      const cutoff = tables.cutoff(table);
      await engine.purge(table.name, cutoff);
      ids.forget(table.name, cutoff);
    }
    ingestion.recount();
  };
  const timer = setInterval(() => purge().catch((err) => deps.logger.warn({ err }, 'telemetry purge failed')), PURGE_EVERY_MS);
  timer.unref();

  const router = express.Router() as TelemetryRouter;
  const json = (limit: string) => [requireJson, express.json({ limit, strict: false })];
  const operator = requireOperator(operators);

  router.get('/v1/tables', operator, (_req, res) => {
    res.json(tables.list());
  });
  router.get('/v1/tables/:name', operator, (req, res) => {
    res.json(tables.get(req.params.name as string));
  });
  router.post('/v1/tables', operator, ...json('16kb'), async (req, res) => {
    const body = parseInput(tableBody, req.body, 'table');
    res.status(201).json(await tables.create(body.name, body.ttl));
  });

  // Open to every browser, so each body is paid for from the sender's and everyone's byte budget,
  // before it is read when it says its length. A document's data may be 32 KB; its envelope is small.
  const documents = (limit: number) => [budget.declared(limit), requireJson, express.json({ limit, strict: false, verify: budget.measureBody }), budget.chargeBody];
  router.post('/v1/document/:table', ...documents(40 * 1024), async (req, res) => {
    await ingestion.one(req.params.table as string, req.body, 'client');
    res.status(201).json({ accepted: 1 });
  });
  router.post('/v1/document/:table/bulk', ...documents(1024 * 1024), async (req, res) => {
    const result = await ingestion.bulk(req.params.table as string, req.body, 'client');
    if (result.accepted === 0 && result.rejected.length > 0) {
      throw new AppError('invalid-document', result, 'No document in the request was valid.');
    }
    res.status(201).json(result);
  });

  router.post('/v1/analytics', operator, ...json('256kb'), async (req, res) => {
    const { response, cached } = await analytics.execute(req.body);
    res.setHeader('X-Foxtrot-Cache', cached ? 'hit' : 'miss');
    res.json(response);
  });

  // Foxtrot's console and CLI post FQL as plain text; a JSON {"query": "..."} works too.
  router.post('/v1/fql', operator, express.text({ type: () => true, limit: '64kb' }), async (req, res) => {
    const text = fqlText(req.body, typeof req.is('application/json') === 'string');
    const table = await runFql(text, analytics, tables, mappings);
    if (req.accepts(['application/json', 'text/plain']) === 'text/plain') {
      res.type('text/plain').send(renderText(table));
      return;
    }
    res.json(table);
  });
  router.get('/v1/fql/download', operator, async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    const table = await runFql(q, analytics, tables, mappings);
    res.setHeader('Content-Disposition', 'attachment; filename="fql-result.csv"');
    res.type('text/csv; charset=utf-8').send(toCsv(table));
  });

  router.use((_req, _res, next) => next(new AppError('not-found')));
  router.use(jsonErrors(deps.logger, 'telemetry request'));

  router.close = async () => {
    clearInterval(timer);
    await timings.detach();
    await internal.detach();
    await mappings.close();
    await engine.close();
  };
  return router;
}

function fqlText(body: unknown, isJson: boolean): string {
  if (typeof body !== 'string' || body.trim() === '') throw new AppError('invalid-fql', undefined, 'Send an FQL statement as the request body.');
  if (!isJson) return body;
  try {
    const parsed = JSON.parse(body) as { query?: unknown };
    if (typeof parsed.query === 'string') return parsed.query;
  } catch {
    // Not JSON after all: treat it as the statement.
  }
  throw new AppError('invalid-fql', undefined, 'Send {"query": "<FQL>"} or the statement as text/plain.');
}
