import * as core from './runner-io.js';
import { redact } from './secrets.js';

/**
 * Log lines that carry outside text (alert titles and ids, route names, server answers) go through
 * here. The runner reads every stdout line that starts with `::` as a workflow command, so such text is
 * cut to one bounded line first (a title holding "\n::error::" or "\n::stop-commands::" must stay text),
 * and a line that would still start with `::` is prefixed.
 */
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029\u000B\u000C]+/g;
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

export function oneLine(text: string, max = 2000): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  const line = cut.replace(LINE_BREAKS, ' ⏎ ').replace(CONTROLS, '');
  return /^\s*::/.test(line) ? `› ${line}` : line;
}

// Every line is also redacted: the runner masks registered secrets, but only in its own log view.
export function info(text: string): void {
  core.info(oneLine(redact(text)));
}

/** Annotations are escaped by @actions/core already; one line keeps them readable too. */
export function warning(text: string): void {
  core.warning(oneLine(redact(text), 4000));
}

export function error(text: string): void {
  core.error(oneLine(redact(text), 4000));
}
