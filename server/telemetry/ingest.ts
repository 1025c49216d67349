/** Ingestion: validates documents, stores the valid ones, and reports the rest with reasons. */
import { AppError } from '../errors/app-error';
import { checkDocument, type Rejection } from './document';
import type { EventEngine, StoredDocument } from './engine/engine';
import type { TableRegistry } from './tables';

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

export class Ingestion {
  constructor(
    private readonly engine: EventEngine,
    private readonly tables: TableRegistry,
    private readonly now: () => number,
  ) {}

  /** Stores one document; a bad one is a 400 with the reason. */
  async one(table: string, input: unknown): Promise<void> {
    this.tables.get(table);
    const checked = checkDocument(input, this.now());
    if (!checked.ok) throw new AppError('invalid-document', { reason: checked.reason.message }, checked.reason.message);
    await this.engine.insert(table, [checked.document]);
  }

  /** Stores every valid document of a bulk request and lists the rejected ones. */
  async bulk(table: string, input: unknown): Promise<BulkResult> {
    this.tables.get(table);
    const { valid, rejected } = checkBulk(input, this.now());
    await this.engine.insert(table, valid);
    return { accepted: valid.length, rejected };
  }
}
