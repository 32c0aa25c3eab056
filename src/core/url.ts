/** A URL's origin (`https://host:port`), or undefined when the text is not a URL (one whose host was redacted). */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
