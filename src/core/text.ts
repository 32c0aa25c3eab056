/**
 * One line of log text. Text from the target or the config may hold newlines and `::command::`
 * sequences: folded onto one line, and a leading `::` is broken with a zero-width space, so a
 * runner never reads it as a workflow command. Pure.
 */
export function oneLine(s: string): string {
  const out = s.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return out.trimStart().startsWith('::') ? `\u200b${out}` : out;
}
