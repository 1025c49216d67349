/** Ingestion: validates documents, stores the valid ones, and reports the rest with reasons. */
import { AppError } from '../errors/app-error';
import { checkDocument, type Rejection } from './document';
import type { EventEngine, StoredDocument } from './engine/engine';
import type { RecentIds } from './ids/recent-ids';
import type { Mappings } from './mapping/mappings';
import { INTERNAL_TABLES, type TableRegistry } from './tables';

export const MAX_BULK_DOCUMENTS = 2000;

export interface BulkResult {
  accepted: number;
  rejected: { index: number; id?: unknown; reason: Rejection }[];
}

/** Checks a bulk body (already parsed): the documents to store and the rejected ones with reasons. */
export function checkBulk(input: unknown, now: number): { valid: StoredDocument[]; rejected: BulkResult['rejected'] } {
  if (!Array.isArray(input)) throw new AppError('invalid-document', undefined, 'A bulk request body must be a JSON array of documents.');
  if (input.length > MAX_BULK_DOCUMENTS) {
    throw new AppError('too-many-documents', { count: input.length, max: MAX_BULK_DOCUMENTS });
  }
  const valid: StoredDocument[] = [];
  const rejected: BulkResult['rejected'] = [];
  for (let index = 0; index < input.length; index++) {
    const doc: unknown = input[index];
    const checked = checkDocument(doc, now);
    if (checked.ok) valid.push(checked.document);
    else rejected.push({ index, id: (doc as { id?: unknown } | null)?.id, reason: checked.reason });
  }
  return { valid, rejected };
}

/** Who writes: a client over HTTP, or the shop itself (the only writer of internal tables). */
export type Writer = 'client' | 'server';

/** Bytes a stored event takes besides its data: id, time, row overhead. */
const ROW_OVERHEAD_BYTES = 64;
/** How long a full table waits for the purge to make room. */
const FULL_RETRY_SEC = 600;

export class Ingestion {
  /** Approximate bytes per table, read from the engine on first use and counted up on every insert. */
  private readonly sizes = new Map<string, Promise<number>>();

  constructor(
    private readonly engine: EventEngine,
    private readonly tables: TableRegistry,
    private readonly now: () => number,
    private readonly maxTableBytes: number,
    /** Learns each table's fields and gives the engine their typed column values. */
    private readonly mappings: Mappings,
    /** Which ids each table holds per day: a repeated id is stored once. */
    private readonly ids: RecentIds,
  ) {}

  /** Stores one document; a bad one is a 400 with the reason. */
  async one(table: string, input: unknown, writer: Writer = 'client'): Promise<void> {
    this.writable(table, writer);
    const checked = checkDocument(input, this.now());
    if (!checked.ok) throw new AppError('invalid-document', { reason: checked.reason.message }, checked.reason.message);
    await this.store(table, [checked.document]);
  }

  /** Stores every valid document of a bulk request and lists the rejected ones. */
  async bulk(table: string, input: unknown, writer: Writer = 'client'): Promise<BulkResult> {
    this.writable(table, writer);
    const { valid, rejected } = checkBulk(input, this.now());
    await this.store(table, valid);
    return { accepted: valid.length, rejected };
  }

  /** Forgets the counted sizes, so they are read again (after expired events were purged). */
  recount(): void {
    this.sizes.clear();
  }

  private writable(table: string, writer: Writer): void {
    this.tables.get(table);
    if (writer === 'client' && INTERNAL_TABLES.has(table)) throw new AppError('telemetry-table-internal', { table });
  }

  /**
   * Inserts the documents whose id is new for their day, unless that would take the table past its
   * cap (a full table refuses until the purge makes room). Answers once they are durable.
   */
  private async store(table: string, input: StoredDocument[]): Promise<void> {
    // Events already past the table's TTL would never be returned: they are not stored at all.
    const cutoff = this.tables.cutoff(this.tables.get(table));
    const documents = input.some((d) => d.timestamp < cutoff) ? input.filter((d) => d.timestamp >= cutoff) : input;
    if (documents.length === 0) return;
    const bytes = documents.reduce((sum, d) => sum + d.json.length + d.id.length + ROW_OVERHEAD_BYTES, 0);
    let size = this.sizes.get(table);
    if (!size) {
      size = this.engine.tableBytes(table);
      this.sizes.set(table, size);
      size.catch(() => this.sizes.delete(table));
    }
    const current = await size;
    if (current + bytes > this.maxTableBytes) {
      throw new AppError('telemetry-table-full', { table, maxBytes: this.maxTableBytes, retryAfterSec: FULL_RETRY_SEC });
    }
    // Counted before the insert, so parallel requests cannot all slip under the cap.
    this.sizes.set(table, Promise.resolve(current + bytes));
    const admitted = await this.ids.admit(table, documents);
    try {
      const { fresh } = admitted;
      if (fresh.length) await this.mappings.store(table, fresh, (typed) => this.engine.insert(table, fresh, typed));
      admitted.settle(true);
    } catch (error) {
      admitted.settle(false);
      throw error;
    }
  }
}
