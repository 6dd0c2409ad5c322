/* Compiler diagnostics for every stage, printed the way gcc 12 prints them
 * (observed with LC_ALL=C, so quotes are plain ASCII):
 *
 *   In file included from main.c:2:
 *   util.h:3:9: error: 'y' undeclared here (not in a function)
 *       3 | int x = y + 1;
 *         |         ^
 *
 * The gutter is the line number right-aligned in at least five columns; the
 * caret line puts `^` under the column and `~` under the rest of the range. A
 * column of 0 means "the whole line" (gcc's `file:line: warning: "X" redefined`):
 * no column in the location and an empty caret line. Columns are display
 * columns with tabs advancing to the next multiple of 8, as gcc counts them, and
 * the source line is shown with its tabs expanded. A fatal error ends the
 * listing with "compilation terminated.". */

export type Severity = 'error' | 'warning' | 'note' | 'fatal error';

/** One `#include` on the way to a file: the including file and the line of the directive. */
export interface IncludeSite {
  file: string;
  line: number;
  parent?: IncludeSite;
}

/** A place in a source file. `column` 0 stands for the whole line; `endColumn` is inclusive. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endColumn?: number;
  includedFrom?: IncludeSite;
}

export interface Diagnostic extends SourceLocation {
  severity: Severity;
  message: string;
  notes?: Diagnostic[];
}

/** An expected failure that stops compilation, carrying what to print. Never a bug of ours. */
export class CompileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${formatLocation(d)}: ${d.severity}: ${d.message}`).join('\n'));
    this.name = 'CompileError';
  }
}

/** Collects the diagnostics of one compilation in the order they were found. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): Diagnostic {
    this.items.push(diagnostic);
    return diagnostic;
  }

  error(at: SourceLocation, message: string): Diagnostic {
    return this.add(makeDiagnostic('error', at, message));
  }

  warning(at: SourceLocation, message: string): Diagnostic {
    return this.add(makeDiagnostic('warning', at, message));
  }

  fatal(at: SourceLocation, message: string): Diagnostic {
    return this.add(makeDiagnostic('fatal error', at, message));
  }

  /** Attaches a `note:` to an earlier diagnostic; it prints right after it. */
  note(parent: Diagnostic, at: SourceLocation, message: string): Diagnostic {
    const note = makeDiagnostic('note', at, message);
    (parent.notes ??= []).push(note);
    return note;
  }

  get errorCount(): number {
    return this.items.filter(isError).length;
  }

  get hasErrors(): boolean {
    return this.items.some(isError);
  }
}

export function isError(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'fatal error';
}

export function makeDiagnostic(severity: Severity, at: SourceLocation, message: string): Diagnostic {
  const d: Diagnostic = { severity, message, file: at.file, line: at.line, column: at.column };
  if (at.endColumn !== undefined && at.endColumn > at.column) d.endColumn = at.endColumn;
  if (at.includedFrom !== undefined) d.includedFrom = at.includedFrom;
  return d;
}

/** `file:line:column`, `file:line` for a whole line, or just `file` without a line (`ipcvm: fatal error: ...`). */
export function formatLocation(at: SourceLocation): string {
  if (at.line <= 0) return at.file;
  return at.column > 0 ? `${at.file}:${at.line}:${at.column}` : `${at.file}:${at.line}`;
}

const TAB_STOP = 8;
const MIN_GUTTER_WIDTH = 5;

/** Expands tabs the way gcc displays a source line. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  for (const ch of text) {
    out += ch === '\t' ? ' '.repeat(TAB_STOP - (out.length % TAB_STOP)) : ch;
  }
  return out;
}

/**
 * The display column (1-based, tabs expanded) of `offset` in `text`, counting
 * from `from`, which is at display column `fromColumn` (a line start by default).
 */
export function displayColumn(text: string, from: number, offset: number, fromColumn = 1): number {
  let column = fromColumn - 1;
  for (let i = from; i < offset && i < text.length; i++) {
    column = text.charCodeAt(i) === 9 ? column + TAB_STOP - (column % TAB_STOP) : column + 1;
  }
  return column + 1;
}

/** Renders diagnostics as gcc would print them on stderr. */
export function formatDiagnostics(
  diags: readonly Diagnostic[],
  readSource: (file: string) => string | undefined,
): string {
  const sources = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!sources.has(file)) sources.set(file, readSource(file)?.split(/\r?\n/));
    return sources.get(file);
  };
  let out = '';
  let lastChain: IncludeSite | undefined;
  for (const d of diags) {
    if (d.includedFrom !== lastChain) {
      out += formatIncludeChain(d.includedFrom);
      lastChain = d.includedFrom;
    }
    out += formatOne(d, linesOf);
    for (const note of d.notes ?? []) out += formatOne(note, linesOf);
    if (d.severity === 'fatal error') {
      out += 'compilation terminated.\n';
      break;
    }
  }
  return out;
}

function formatIncludeChain(site: IncludeSite | undefined): string {
  let out = '';
  for (let s = site, first = true; s !== undefined; s = s.parent, first = false) {
    const prefix = first ? 'In file included from ' : '                 from ';
    out += `${prefix}${s.file}:${s.line}${s.parent === undefined ? ':' : ','}\n`;
  }
  return out;
}

function formatOne(d: Diagnostic, linesOf: (file: string) => string[] | undefined): string {
  let out = `${formatLocation(d)}: ${d.severity}: ${d.message}\n`;
  const lineText = d.line > 0 ? linesOf(d.file)?.[d.line - 1] : undefined;
  if (lineText === undefined) return out;
  const width = Math.max(MIN_GUTTER_WIDTH, String(d.line).length);
  const blankGutter = ' '.repeat(width);
  out += `${String(d.line).padStart(width)} | ${expandTabs(lineText)}\n`;
  out += `${blankGutter} | ${caretLine(d)}\n`;
  return out;
}

function caretLine(d: Diagnostic): string {
  if (d.column <= 0) return '';
  const tildes = d.endColumn !== undefined && d.endColumn > d.column ? d.endColumn - d.column : 0;
  return ' '.repeat(d.column - 1) + '^' + '~'.repeat(tildes);
}
