/** Runs a Foxtrot analytics request: picks the opcode, then caches the answer for 30 s. */
import { AppError } from '../../errors/app-error';
import { shown } from '../../http/shown-value';
import { ResultCache } from '../cache';
import type { EventEngine } from '../engine/engine';
import type { InFlight } from '../engine/in-flight';
import type { Mappings } from '../mapping/mappings';
import type { TableRegistry } from '../tables';
import { count } from './count';
import { distinct } from './distinct';
import { group } from './group';
import { histogram } from './histogram';
import { multiQuery } from './multi-query';
import { multiTimeQuery } from './multi-time-query';
import { query } from './query';
import type { ActionRequest, ActionResponse, AnalyticsContext } from './scope';
import { stats } from './stats';
import { statstrend } from './statstrend';
import { trend } from './trend';

const OPCODES: Record<string, (request: ActionRequest, ctx: AnalyticsContext) => Promise<ActionResponse>> = {
  query,
  count,
  distinct,
  group,
  histogram,
  trend,
  stats,
  statstrend,
  multi_query: multiQuery,
  multi_time_query: multiTimeQuery,
};

export const OPCODE_NAMES = Object.keys(OPCODES);

export interface Answer {
  response: ActionResponse;
  cached: boolean;
}

export class Analytics {
  private readonly cache: ResultCache<ActionResponse>;

  constructor(
    private readonly engine: EventEngine,
    private readonly tables: TableRegistry,
    private readonly now: () => number,
    /** Which paths have typed columns; queries read those instead of the JSON. */
    private readonly mappings: Pick<Mappings, 'readyColumn' | 'columns' | 'wholeNumbers'>,
    private readonly readers: InFlight,
  ) {
    this.cache = new ResultCache(now);
  }

  /** Answers from the cache unless `bypassCache` is set; caches fresh answers either way. */
  async execute(input: unknown): Promise<Answer> {
    const request = checkRequest(input);
    const { bypassCache, ...rest } = request;
    const key = this.cache.key(rest);
    if (bypassCache !== true) {
      const hit = this.cache.get(key);
      if (hit) return { response: hit, cached: true };
    }
    const response = await this.run(rest as ActionRequest, this.now());
    this.cache.set(key, response);
    return { response, cached: false };
  }

  private run(request: ActionRequest, now: number, depth = 0, allowance = { statements: 0 }): Promise<ActionResponse> {
    const ctx: AnalyticsContext = {
      engine: this.engine,
      tables: this.tables,
      column: (table, path) => this.mappings.readyColumn(table, path),
      columns: (table) => this.mappings.columns(table),
      wholeNumbers: (table, path) => this.mappings.wholeNumbers(table, path),
      readers: this.readers,
      now,
      run: (inner) => {
        // multi_query and multi_time_query multiply what they hold: one may hold the other, no deeper.
        if (depth + 1 > MAX_NESTING) throw new AppError('query-too-complex', { maxNesting: MAX_NESTING });
        return this.run(checkRequest(inner), now, depth + 1, allowance);
      },
      spend: () => {
        if (++allowance.statements > MAX_STATEMENTS) throw new AppError('query-too-complex', { maxStatements: MAX_STATEMENTS });
      },
    };
    return OPCODES[request.opcode]!(request, ctx);
  }
}

/** Levels of nested requests under the top one. */
export const MAX_NESTING = 2;
/** SQL statements one analytics request may run, over all its nested requests. */
export const MAX_STATEMENTS = 100;

function checkRequest(input: unknown): ActionRequest {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new AppError('bad-request', undefined, 'An analytics request must be a JSON object with an opcode.');
  }
  const request = input as ActionRequest;
  if (typeof request.opcode !== 'string' || !Object.hasOwn(OPCODES, request.opcode)) {
    throw new AppError('unknown-opcode', { opcode: request.opcode, known: OPCODE_NAMES }, `Unknown opcode "${shown(request.opcode)}".`);
  }
  return request;
}
