import { ConnectionString } from 'mongodb-connection-string-url';
import { UserError } from './errors.js';

/**
 * Parses a MongoDB connection string with the driver's own parser, never a regular expression.
 * `where` names the input or config key it came from; the message never shows the URI, which
 * holds a password.
 */
export function parseMongoUri(uri: string, where: string): ConnectionString {
  try {
    return new ConnectionString(uri);
  } catch (err) {
    const why = (err as Error).message.replace(/\.$/, '');
    throw new UserError(
      `${where}: not a valid MongoDB connection string (${why}). It must start with mongodb:// or mongodb+srv://, and a user name or password containing @ : / ? # or % must be percent-encoded (encodeURIComponent).`,
    );
  }
}

/** The hosts of a connection string, without credentials or options: all a finding may show. */
export function mongoHosts(uri: string): string {
  try {
    return new ConnectionString(uri).hosts.join(',');
  } catch {
    return '(unparsable URI)';
  }
}
