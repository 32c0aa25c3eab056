/**
 * Text from the target (alert messages, body excerpts, index names, error messages) is hostile
 * wherever it lands in GitHub Markdown: issue bodies, comments, the job summary, the gate comment.
 * These helpers make it inert. One pass over the characters, no regular expressions.
 */

/** Zero-width space, as an entity: GitHub's mention and issue-reference filters run on the decoded text, which it splits. */
const ZWSP = '&#8203;';

const REPLACE: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\\': '\\\\',
  '`': '\\`',
  '|': '\\|',
  '*': '\\*',
  '_': '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  // No notifying @mentions (@user, @org/team) and no #123 / owner/repo#123 cross-links.
  '@': `@${ZWSP}`,
  '#': `#${ZWSP}`,
  // One line: a newline would end a table row or start a block (a heading, a list, a fence).
  '\r': ' ',
  '\n': ' ',
  '\u2028': ' ',
  '\u2029': ' ',
};

/**
 * Inline Markdown text that renders as the characters given: no HTML, no links, no emphasis, no
 * mentions that notify, no issue cross-links, no table breaks, no newlines.
 */
export function md(text: string): string {
  let out = '';
  for (const ch of text) out += REPLACE[ch] ?? ch;
  return out;
}

/** A fenced code block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function codeBlock(text: string): string {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${text}\n${fence}`;
}

/** An inline code span that the text cannot close or break out of, safe in a table cell. */
export function codeSpan(text: string): string {
  let longest = 0;
  let run = 0;
  let flat = '';
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
    flat += ch === '\n' || ch === '\r' ? ' ' : ch === '|' ? '\\|' : ch;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
