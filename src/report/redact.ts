/**
 * Removes secrets from anything shown: tokens, secret header values, URI passwords.
 * Every string that leaves the process goes through one Redactor.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(private readonly onSecret: (s: string) => void = () => {}) {}

  /** Registers a secret (and, in the action, masks it in the runner's log). Short values are ignored: they would redact too much. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4 || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.onSecret(secret);
    for (const variant of [encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (variant !== secret && !this.secrets.has(variant)) {
        this.secrets.add(variant);
        this.onSecret(variant);
      }
    }
  }

  /** Registers a URI's password, if it has one. The rest of the URI (host, database) stays readable. */
  addUri(uri: string | undefined): void {
    if (!uri) return;
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@/?#\s]+)@/i.exec(uri);
    if (m?.[1]) {
      this.add(m[1]);
      try {
        this.add(decodeURIComponent(m[1]));
      } catch {
        // not percent-encoded: the raw form is registered already
      }
    }
  }

  /** A connection string that is a secret as a whole (a MongoDB URI): the URI and its password. */
  addSecretUri(uri: string | undefined): void {
    this.add(uri);
    this.addUri(uri);
  }

  text(s: string): string {
    let out = s.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@/?#\s]+)(@)/gi, '$1***$3');
    const list = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of list) out = out.split(secret).join('***');
    return out;
  }

  /** A deep copy with every string redacted. */
  value<T>(v: T): T {
    if (typeof v === 'string') return this.text(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.value(x)) as T;
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.value(x);
      return out as T;
    }
    return v;
  }
}
