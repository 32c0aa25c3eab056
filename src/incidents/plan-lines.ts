import type { Action, HeldAction } from './reconcile.js';
import { sevName } from '../core/severity.js';
import { suppressionText } from '../suppression/render.js';

/**
 * The incident plan in words, one line per action: for the action's summary (Markdown, `escape`
 * = md) and the CLI's `--dry-run` (plain text). Pure: titles and fingerprints carry target text,
 * so the caller says how to escape them.
 */
const VERBS = {
  open: ['opened', 'open'],
  reopen: ['reopened', 'reopen'],
  close: ['closed', 'close'],
  escalated: ['escalated', 'escalate'],
  'de-escalated': ['de-escalated', 'de-escalate'],
  updated: ['updated', 'update'],
  recovering: ['marked recovering', 'mark recovering'],
  reminder: ['reminded on', 'remind on'],
  unchecked: ['left unchanged (not checked this run)', 'leave unchanged (not checked this run)'],
} as const;

export function describeAction(a: Action, opts: { number?: number; planned?: boolean; escape?: (s: string) => string } = {}): string {
  const esc = opts.escape ?? ((s: string) => s);
  const n = opts.number ?? ('number' in a ? a.number : undefined);
  const ref = n ? `#${n}` : 'a new issue';
  const verb = (k: keyof typeof VERBS) => VERBS[k][opts.planned ? 1 : 0];
  switch (a.kind) {
    case 'open':
      return `${verb('open')} ${ref} ${esc(a.title)}`;
    case 'reopen':
      return `${verb('reopen')} ${ref} ${esc(a.title)}`;
    case 'close':
      return a.reason === 'duplicate' ? `${verb('close')} ${ref} as a duplicate (${esc(a.fingerprint)})` : `${verb('close')} ${ref}: recovered (${esc(a.fingerprint)})`;
    case 'update':
      // Held by a window or a silence, "not checked" is not the reason: the suppression, named after it, is.
      return `${a.suppressed && a.change === 'unchecked' ? (opts.planned ? 'leave unchanged' : 'left unchanged') : verb(a.change)} ${ref}${a.title ? ` ${esc(a.title)}` : ''} (${esc(a.fingerprint)})${a.suppressed ? `, ${suppressionText(a.suppressed, esc)}` : ''}`;
  }
}

const HELD = {
  open: 'not opened',
  reopen: 'not reopened',
  escalate: 'not escalated',
  'de-escalate': 'not de-escalated',
  remind: 'no reminder',
  close: 'not closed',
} as const;

/** A held action in words: "not opened (in maintenance: weekly-deploy): [SEV1] production: health probe api failing". */
export function describeHeld(h: HeldAction, opts: { escape?: (s: string) => string } = {}): string {
  const esc = opts.escape ?? ((s: string) => s);
  const what = h.kind === 'open' ? esc(`[${sevName(h.severity)}] ${h.title}`) : `#${h.number} ${esc(h.title)}${h.kind === 'escalate' || h.kind === 'de-escalate' ? ` at ${sevName(h.severity)}` : ''}`;
  return `${HELD[h.kind]} (${suppressionText(h.by, esc)}): ${what}`;
}
