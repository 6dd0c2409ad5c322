/* `#define` and `#undef`: parsing a definition into a Macro with gcc's checks and
 * messages, redefinition warnings, and the macros every translation unit starts
 * with. The predefined set describes the ipcvm target (ILP32 Linux-like, signed
 * char) and is deterministic: `__DATE__` and `__TIME__` are fixed strings, so
 * the same source always compiles to the same bytes. `__GNUC__` is deliberately
 * absent: headers must not take gcc-only paths. */
import type { CToken } from './lexer.js';
import { lexFragment, locationAfter, tokenLocation } from './lexer.js';
import type { DiagnosticBag, SourceLocation } from './diagnostics.js';
import { isIdentifierLike, sameDefinition, type Macro } from './pp-macros.js';
import { Comma, Ellipsis, Hash, HashHash, LParen, RParen } from './tokens.js';

const PREDEFINED: Record<string, string> = {
  __STDC__: '1',
  __STDC_VERSION__: '199901L',
  __STDC_HOSTED__: '1',
  __ipcvm__: '1',
  __ILP32__: '1',
  __linux__: '1',
  __unix__: '1',
  __CHAR_BIT__: '8',
  __SCHAR_MAX__: '127',
  __SHRT_MAX__: '32767',
  __INT_MAX__: '2147483647',
  __LONG_MAX__: '2147483647L',
  __SIZEOF_SHORT__: '2',
  __SIZEOF_INT__: '4',
  __SIZEOF_LONG__: '4',
  __SIZEOF_POINTER__: '4',
  __SIZE_TYPE__: 'unsigned int',
  __PTRDIFF_TYPE__: 'int',
  __DATE__: '"Jan  1 1970"',
  __TIME__: '"00:00:00"',
};

const BUILTIN_LOCATION: SourceLocation = { file: '<built-in>', line: 0, column: 0 };
const COMMAND_LINE_LOCATION: SourceLocation = { file: '<command-line>', line: 0, column: 0 };

/** The macro table a translation unit starts with, plus `-D`-style definitions (`NAME` alone means 1). */
export function initialMacros(defines: Record<string, string> = {}): Map<string, Macro> {
  const macros = new Map<string, Macro>();
  const add = (name: string, value: string, at: SourceLocation): void => {
    macros.set(name, { name, variadic: false, body: lexFragment(value, at) });
  };
  for (const [name, value] of Object.entries(PREDEFINED)) add(name, value, BUILTIN_LOCATION);
  macros.set('__FILE__', { name: '__FILE__', variadic: false, body: [], builtin: 'file' });
  macros.set('__LINE__', { name: '__LINE__', variadic: false, body: [], builtin: 'line' });
  macros.set('_Pragma', { name: '_Pragma', variadic: false, body: [], builtin: 'pragma' });
  for (const [name, value] of Object.entries(defines)) add(name, value === '' ? '1' : value, COMMAND_LINE_LOCATION);
  return macros;
}

/**
 * Checks the name operand of `#define`, `#undef`, `#ifdef` and `#ifndef`;
 * reports gcc's error and returns undefined when there is none.
 */
export function macroName(
  directive: CToken,
  tokens: CToken[],
  diags: DiagnosticBag,
): CToken | undefined {
  const name = tokens[0];
  if (name === undefined) {
    diags.error(locationAfter(directive), `no macro name given in #${directive.image} directive`);
    return undefined;
  }
  if (!isIdentifierLike(name)) {
    diags.error(tokenLocation(name), 'macro names must be identifiers');
    return undefined;
  }
  if (name.image === 'defined') {
    diags.error(tokenLocation(name), '"defined" cannot be used as a macro name');
    return undefined;
  }
  return name;
}

/** `#define NAME body` or `#define NAME(params) body`: adds the macro, warning on an incompatible redefinition. */
export function defineMacro(
  macros: Map<string, Macro>,
  directive: CToken,
  tokens: CToken[],
  diags: DiagnosticBag,
): void {
  const name = macroName(directive, tokens, diags);
  if (name === undefined) return;
  const functionLike = tokens[1]?.tokenType === LParen && !tokens[1].spaceBefore;
  let macro: Macro;
  if (functionLike) {
    const parsed = parseParameters(tokens, diags);
    if (parsed === undefined) return;
    const body = tokens.slice(parsed.bodyStart);
    macro = { name: name.image, params: parsed.params, variadic: parsed.variadic, body };
  } else {
    macro = { name: name.image, variadic: false, body: tokens.slice(1) };
  }
  macro.definedAt = tokenLocation(name);
  if (macro.body.length > 0) macro.body[0] = { ...macro.body[0], spaceBefore: false };
  if (!checkBody(macro, diags)) return;
  const previous = macros.get(macro.name);
  if (previous !== undefined && !sameDefinition(previous, macro)) {
    const d = diags.warning({ ...macro.definedAt, column: 0 }, `"${macro.name}" redefined`);
    const where = previous.definedAt ?? BUILTIN_LOCATION;
    diags.note(d, { ...where, column: 0 }, 'this is the location of the previous definition');
  }
  macros.set(macro.name, macro);
}

/** Parses `(a, b, ...)` starting at tokens[1]; returns the names and where the body starts. */
function parseParameters(
  tokens: CToken[],
  diags: DiagnosticBag,
): { params: string[]; variadic: boolean; bodyStart: number } | undefined {
  const params: string[] = [];
  let i = 2;
  for (;;) {
    const t = tokens[i];
    if (t === undefined) {
      diags.error(locationAfter(tokens[i - 1]), "expected ')' before end of line");
      return undefined;
    }
    if (t.tokenType === RParen && params.length === 0) return { params, variadic: false, bodyStart: i + 1 };
    if (t.tokenType === Ellipsis) {
      params.push('__VA_ARGS__');
      if (tokens[i + 1]?.tokenType !== RParen) {
        diags.error(locationAfter(t), 'expected \')\' after "..."');
        return undefined;
      }
      return { params, variadic: true, bodyStart: i + 2 };
    }
    if (!isIdentifierLike(t)) {
      diags.error(tokenLocation(t), `expected parameter name, found "${t.image}"`);
      return undefined;
    }
    if (t.image === '__VA_ARGS__') diags.warning({ ...tokenLocation(t), endColumn: undefined }, VA_ARGS_MISUSED);
    if (params.includes(t.image)) {
      diags.error(tokenLocation(t), `duplicate macro parameter "${t.image}"`);
      return undefined;
    }
    params.push(t.image);
    const separator = tokens[i + 1];
    if (separator?.tokenType === Ellipsis) {
      // gcc's named variable arguments: `#define F(fmt, args...)`
      if (tokens[i + 2]?.tokenType !== RParen) {
        diags.error(locationAfter(separator), 'expected \')\' after "..."');
        return undefined;
      }
      return { params, variadic: true, bodyStart: i + 3 };
    }
    if (separator === undefined) {
      diags.error(locationAfter(t), "expected ')' before end of line");
      return undefined;
    }
    if (separator.tokenType === RParen) return { params, variadic: false, bodyStart: i + 2 };
    if (separator.tokenType !== Comma) {
      diags.error(tokenLocation(separator), `expected ',' or ')', found "${separator.image}"`);
      return undefined;
    }
    i += 2;
  }
}

const VA_ARGS_MISUSED = '__VA_ARGS__ can only appear in the expansion of a C99 variadic macro';

/**
 * `#` must name a parameter (in function-like macros); `##` may not start or
 * end the body; `__VA_ARGS__` outside a variadic macro is warned about, as gcc does.
 */
function checkBody(macro: Macro, diags: DiagnosticBag): boolean {
  const body = macro.body;
  const strayVaArgs = macro.variadic ? undefined : body.find((t) => t.image === '__VA_ARGS__');
  if (strayVaArgs !== undefined) diags.warning(tokenLocation(strayVaArgs), VA_ARGS_MISUSED);
  for (const edge of [body[0], body[body.length - 1]]) {
    if (edge?.tokenType === HashHash) {
      diags.error(tokenLocation(edge), "'##' cannot appear at either end of a macro expansion");
      return false;
    }
  }
  if (macro.params === undefined) return true;
  for (let i = 0; i < body.length; i++) {
    const next = body[i + 1];
    const namesParam = next !== undefined && isIdentifierLike(next) && macro.params.includes(next.image);
    if (body[i].tokenType === Hash && !namesParam) {
      diags.error(tokenLocation(body[i]), "'#' is not followed by a macro parameter");
      return false;
    }
  }
  return true;
}
