/** A problem with the user's input: printed as sentences, never as a stack trace. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export interface ConfigProblem {
  /** Key path, such as `environments.production.health[0].timeout`. */
  readonly path: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  readonly message: string;
}

export class ConfigError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `${file}: ${problems.length === 1 ? 'invalid config' : `${problems.length} problems in the config`}\n` +
        problems
          .map((p) => `  ${file}${p.line ? `:${p.line}` : ''}: ${p.path === '' ? '(top level)' : p.path}: ${p.message}`)
          .join('\n'),
    );
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
