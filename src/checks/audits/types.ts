import type { FailureClass } from '../../core/types.js';
import type { CacheRequirement } from './cache-control.js';

/** What the audits check keeps in `report.json` under `results.audits`: facts measured, one entry per audit and subject. */
export type AuditResult = CompressionResult | PaginationResult | CachingResult | SizeResult | HeadersResult | TlsResult;

/** A request that got no usable answer: the audit could not be judged. */
export interface AuditFailure {
  readonly class: FailureClass;
  readonly message: string;
}

interface Base {
  /** The path (or the origin, for tls): part of the fingerprint, no figures. */
  readonly subject: string;
  readonly url: string;
  readonly failure?: AuditFailure;
}

export interface CompressionResult extends Base {
  readonly audit: 'compression';
  readonly minSize: number;
  /** The Content-Encoding the target answered with, if any. */
  readonly encoding?: string;
  readonly vary?: string;
  /** Bytes received (compressed or not); `truncated` when the body cap stopped the read. */
  readonly bytes?: number;
  readonly truncated?: boolean;
  /** The same body gzipped here (node:zlib): what the transfer would have been. */
  readonly gzipBytes?: number;
}

export interface PaginationResult extends Base {
  readonly audit: 'pagination';
  readonly maxItems: number;
  readonly maxBytes: number;
  readonly bytes?: number;
  readonly truncated?: boolean;
  /** Items of the list at the default request (with `truncated`, those read before the cap); absent when no list was found. */
  readonly items?: number;
  readonly listPath?: string;
  /** The configured path already sets the limit or page parameter: paging is not tried (the two requests would be one). */
  readonly paramsInPath?: boolean;
  /** The second request: `limit=1`, page 2. */
  readonly pageUrl?: string;
  readonly page?: {
    readonly items?: number;
    /** Its list equals the first response's. */
    readonly equalsFirst: boolean;
    /** Its one item is the first response's first item: the page parameter was ignored. */
    readonly repeatsFirstItem: boolean;
    readonly failure?: AuditFailure;
  };
}

export interface CachingResult extends Base {
  readonly audit: 'caching';
  readonly requirements: readonly CacheRequirement[];
  readonly cacheControl?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** The status of the conditional request (If-None-Match with the ETag), when one was sent. */
  readonly conditionalStatus?: number;
}

export interface SizeResult extends Base {
  readonly audit: 'size';
  readonly budget: number;
  readonly bytes?: number;
  readonly truncated?: boolean;
}

export interface HeadersResult extends Base {
  readonly audit: 'headers';
  readonly https: boolean;
  readonly hsts: boolean;
  readonly nosniff: boolean;
  readonly strictTransportSecurity?: string;
  readonly contentTypeOptions?: string;
}

export interface TlsResult extends Base {
  readonly audit: 'tls';
  readonly host: string;
  readonly port: number;
  readonly warnDays: number;
  readonly criticalDays: number;
  /** When the certificate was read (ISO): days left are counted from it, so evaluation stays pure. */
  readonly checkedAt: string;
  readonly validTo?: string;
  /** When the certificate became valid: its lifetime scales the warning for short-lived certificates. */
  readonly validFrom?: string;
  readonly subjectName?: string;
  readonly issuerName?: string;
  /** The chain as the server sent it and the trust store completed it, leaf first (common names). */
  readonly chain?: readonly string[];
  /** Node's name for why the certificate is not trusted (CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE...). */
  readonly authorizationError?: string;
  /** checkServerIdentity's code when the certificate does not name the host (ERR_TLS_CERT_ALTNAME_INVALID). */
  readonly hostnameError?: string;
  /** The config trusts any certificate (tls.reject-unauthorized: false): trust errors are notes, not findings. */
  readonly trustWaived: boolean;
}
