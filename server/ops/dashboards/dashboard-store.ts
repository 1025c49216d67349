/** Saved dashboards in the shop's store (SQLite or PostgreSQL, through Kysely). */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';
import { dashboardSchema, type Dashboard, type DashboardInput } from './dashboard-schema';

export interface DashboardSummary {
  id: string;
  name: string;
  description: string;
  widgets: number;
  updatedAt: number;
}

type Row = Database['dashboards'];

export class DashboardStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  async list(): Promise<DashboardSummary[]> {
    const rows = await this.db.selectFrom('dashboards').selectAll().orderBy('updated_at', 'desc').limit(500).execute();
    return rows.map((row) => {
      const d = toDashboard(row);
      return { id: d.id, name: d.name, description: d.description, widgets: d.widgets.length, updatedAt: d.updatedAt };
    });
  }

  async get(id: string): Promise<Dashboard | null> {
    const row = await this.db.selectFrom('dashboards').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDashboard(row) : null;
  }

  async create(input: DashboardInput): Promise<Dashboard> {
    const now = this.now();
    const row: Row = { id: crypto.randomBytes(9).toString('base64url'), name: input.name, config: toConfig(input), created_at: now, updated_at: now };
    await this.db.insertInto('dashboards').values(row).execute();
    return toDashboard(row);
  }

  /** The updated dashboard, or null when there is none with this id. */
  async update(id: string, input: DashboardInput): Promise<Dashboard | null> {
    const result = await this.db
      .updateTable('dashboards')
      .set({ name: input.name, config: toConfig(input), updated_at: this.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? this.get(id) : null;
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('dashboards').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toConfig(input: DashboardInput): string {
  return JSON.stringify({ description: input.description, widgets: input.widgets });
}

function toDashboard(row: Row): Dashboard {
  const config = JSON.parse(row.config) as { description?: string; widgets?: unknown };
  // Stored rows passed the schema on the way in; parsing again fills defaults added since.
  const parsed = dashboardSchema.parse({ name: row.name, description: config.description ?? '', widgets: config.widgets ?? [] });
  return { id: row.id, ...parsed, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) };
}
