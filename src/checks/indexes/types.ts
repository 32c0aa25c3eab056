/** The indexes check's results (`results.indexes` in the report). */

export interface CollectionIndexes {
  readonly name: string;
  readonly exists: boolean;
  /** As listIndexes returned them: { v, key, name, unique?, sparse?, partialFilterExpression?, expireAfterSeconds?, collation? }. */
  readonly indexes: readonly Record<string, unknown>[];
  /** From $indexStats, when asked for and permitted. */
  readonly stats?: readonly { readonly name: string; readonly ops: number; readonly since: string }[];
}

export interface QueryPlan {
  readonly name: string;
  readonly collection: string;
  readonly stages: readonly string[];
  readonly collscan: boolean;
  readonly indexName?: string;
  readonly error?: string;
}

export interface IndexesResult {
  readonly database: string;
  /** Hosts only, never credentials. */
  readonly host: string;
  readonly connected: boolean;
  readonly error?: { readonly kind: 'connect' | 'auth'; readonly message: string };
  readonly collections: readonly CollectionIndexes[];
  readonly queries: readonly QueryPlan[];
  readonly notes: readonly string[];
}
