/** Tables of what every node shares: rate-limit windows, byte budgets, lockouts and release pointers. */

/** One event in a sliding window (an OTP sent, a wrong operator token). */
export interface LimitEventsTable {
  id: string;
  bucket: string;
  at: number;
}

/** A token bucket: what is left of it, as of `at`. */
export interface LimitBucketsTable {
  key: string;
  tokens: number;
  at: number;
}

/** Consecutive failures under one key, and until when they lock it. */
export interface LimitFailuresTable {
  key: string;
  failures: number;
  locked_until: number;
  updated_at: number;
}

/** Which build each output (vendors, an app, the worker, the console) serves on every node. */
export interface ReleasePointersTable {
  /** `vendors`, `app:<name>`, `sw` or `ops-console`. */
  name: string;
  build_id: string;
  updated_at: number;
}

export interface ClusterTables {
  limit_events: LimitEventsTable;
  limit_buckets: LimitBucketsTable;
  limit_failures: LimitFailuresTable;
  release_pointers: ReleasePointersTable;
}
