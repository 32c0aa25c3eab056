/**
 * GitHub's size limits and the cuts that keep launchguard's text under them. Pure. Every cut says
 * how much was left out and that the JSON report has all of it.
 */

/** GitHub refuses an issue or comment body longer than this (characters). */
export const GITHUB_BODY_MAX = 65_536;
/** GitHub refuses an issue title longer than this. */
export const GITHUB_TITLE_MAX = 256;
/** GitHub refuses a job summary of 1 MiB or more; launchguard keeps its own well under it. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;
/** What one finding's text may take in an issue, a comment or an annotation. */
export const DETAIL_MAX = 2_000;

const REPORT = 'launchguard-report.json';

/** `text`, cut to at most `max` characters (UTF-16 units, never mid-pair) with a note of what was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (cut: number) => ` … (${cut} more characters in ${REPORT})`;
  let keep = Math.max(0, max - note(text.length).length);
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--; // do not split a surrogate pair
  return text.slice(0, keep) + note(text.length - keep);
}

/**
 * An issue or comment body cut under GitHub's limit as a last resort: the head is kept up to a
 * line end, an open code fence is closed, and a line says how much was cut and where it all is.
 */
export function capBody(body: string, max = GITHUB_BODY_MAX): string {
  if (body.length <= max) return body;
  const note = (cut: number) => `\n\n… ${cut} more characters were cut (GitHub keeps at most ${max}); the full findings are in the run's ${REPORT}.\n`;
  let head = body.slice(0, max - note(body.length).length - 8);
  const nl = head.lastIndexOf('\n');
  if (nl > head.length / 2) head = head.slice(0, nl);
  const fences = head.split('```').length - 1;
  if (fences % 2 === 1) head += '\n```';
  return head + note(body.length - head.length);
}

/** Lines added while they fit in `maxBytes`; the rest become one "and N more" line. */
export function fitLines(lines: readonly string[], maxBytes: number, more: (n: number) => string): { lines: string[]; bytes: number } {
  const out: string[] = [];
  let bytes = 0;
  for (let i = 0; i < lines.length; i++) {
    const b = Buffer.byteLength(lines[i]!) + 1;
    if (bytes + b > maxBytes) {
      const tail = more(lines.length - i);
      out.push(tail);
      return { lines: out, bytes: bytes + Buffer.byteLength(tail) + 1 };
    }
    out.push(lines[i]!);
    bytes += b;
  }
  return { lines: out, bytes };
}
