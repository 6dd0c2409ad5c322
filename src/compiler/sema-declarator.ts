// From declaration syntax to types: declaration specifiers to a base type (with
// gcc's complaints about impossible combinations), and declarators applied to it
// from the name outwards (pointers, arrays with constant sizes, functions with
// their parameters adjusted: arrays and functions become pointers).

import type { At, StorageWord, SynDeclarator, SynDeclSpecs, SynParam, SynTypeName, TypeWord } from './parse-tree.js';
import { constantInt } from './sema-expr.js';
import type { Sema } from './sema-state.js';
import { resolveEnum, resolveStruct } from './sema-struct.js';
import { isComplete, typeToString } from './sema-types.js';
import {
  BOOL, CHAR, INT, LONG, SCHAR, SHORT, UCHAR, UINT, ULONG, USHORT, VOID,
  arrayOf, pointerTo, type FuncType, type Type,
} from './types.js';

export interface BaseType {
  readonly type: Type;
  readonly storage?: StorageWord;
  /** No type specifier at all: gcc's implicit int. */
  readonly implicitInt: boolean;
}

type WordCounts = Partial<Record<TypeWord, number>>;

type BaseWord = 'void' | 'char' | 'int' | '_Bool';
/** The size and sign words each base type word accepts. */
const modifiersAllowed: Record<BaseWord, TypeWord[]> = {
  void: [],
  _Bool: [],
  char: ['signed', 'unsigned'],
  int: ['short', 'long', 'signed', 'unsigned'],
};

function isBaseWord(w: TypeWord): w is BaseWord {
  return w === 'void' || w === 'char' || w === 'int' || w === '_Bool';
}

export function resolveSpecifiers(s: Sema, specs: SynDeclSpecs, hasDeclarators = true): BaseType {
  let storage: StorageWord | undefined;
  const words: WordCounts = {};
  let named: Type | undefined; // a typedef name, struct or enum
  const twoTypes = (at: At): void => {
    s.error(at, 'two or more data types in declaration specifiers');
  };
  for (const spec of specs.specs) {
    switch (spec.kind) {
      case 'storage':
        if (storage !== undefined) s.error(specs.start, 'multiple storage classes in declaration specifiers');
        else storage = spec.word;
        break;
      case 'type':
        if (named !== undefined) twoTypes(spec.at);
        else addWord(s, words, spec.word, spec.at);
        break;
      case 'typedefName': {
        const entry = s.ordinary.lookup(spec.name);
        if (entry?.kind !== 'typedef') s.error(spec.at, `unknown type name '${spec.name}'`);
        if (Object.keys(words).length > 0 || named !== undefined) twoTypes(spec.at);
        else named = entry?.kind === 'typedef' ? entry.type : INT;
        break;
      }
      case 'struct':
      case 'enum': {
        const type =
          spec.kind === 'struct' ? resolveStruct(s, spec.spec, spec.at, !hasDeclarators) : resolveEnum(s, spec.spec, spec.at);
        if (Object.keys(words).length > 0 || named !== undefined) twoTypes(spec.at);
        else named = type;
        break;
      }
      case 'qualifier':
      case 'inline':
        break;
      default: {
        const never: never = spec;
        return never;
      }
    }
  }
  if (named !== undefined) return { type: named, storage, implicitInt: false };
  return { type: typeFromWords(words), storage, implicitInt: Object.keys(words).length === 0 };
}

/** Adds a type word, reporting the combinations C forbids at the word that completes them. */
function addWord(s: Sema, words: WordCounts, word: TypeWord, at: At): void {
  const has = (w: TypeWord): boolean => (words[w] ?? 0) > 0;
  const present = (Object.keys(words) as TypeWord[]).filter((w) => has(w));
  const bases = present.filter(isBaseWord);
  if (word === 'float' || word === 'double' || word === '_Complex' || word === '_Imaginary') {
    s.error(at, 'floating-point types are not supported');
    if (bases.length === 0) words.int = 1; // go on as if it were int, without an implicit-int warning
    return;
  }
  if (word === 'long' && has('long')) {
    s.error(at, 'long long is not supported');
    return;
  }
  if ((word === 'long' && has('short')) || (word === 'short' && has('long'))) {
    s.error(at, "both 'long' and 'short' in declaration specifiers");
    return;
  }
  if ((word === 'signed' && has('unsigned')) || (word === 'unsigned' && has('signed'))) {
    s.error(at, "both 'signed' and 'unsigned' in declaration specifiers");
    return;
  }
  const conflict = isBaseWord(word)
    ? bases.length > 0 || present.some((w) => !modifiersAllowed[word].includes(w))
    : bases.some((b) => !modifiersAllowed[b].includes(word));
  if (conflict) {
    s.error(at, 'two or more data types in declaration specifiers');
    return;
  }
  words[word] = (words[word] ?? 0) + 1;
}

function typeFromWords(w: WordCounts): Type {
  const unsigned = (w.unsigned ?? 0) > 0;
  if (w.void) return VOID;
  if (w._Bool) return BOOL;
  if (w.char) return unsigned ? UCHAR : w.signed ? SCHAR : CHAR;
  if (w.short) return unsigned ? USHORT : SHORT;
  if (w.long) return unsigned ? ULONG : LONG;
  return unsigned ? UINT : INT;
}

export interface ParamInfo {
  readonly name?: string;
  readonly type: Type;
  readonly at: At;
}

export interface Declared {
  readonly name?: string;
  readonly at: At;
  readonly type: Type;
  /** The parameters of the function the declarator declares (for a definition's parameters). */
  readonly params?: ParamInfo[];
}

export function applyDeclarator(s: Sema, d: SynDeclarator, base: Type): Declared {
  const name = declaratorName(d);
  const label = name === undefined ? 'unnamed array' : `array '${name}'`;
  switch (d.kind) {
    case 'name':
      return { name: d.name, at: d.at, type: base };
    case 'pointer':
      return applyDeclarator(s, d.inner, pointerTo(base));
    case 'array': {
      let element = base;
      if (base.kind === 'func') {
        s.error(d.at, `declaration of '${name ?? 'type name'}' as array of functions`);
        element = INT;
      } else if (base.kind === 'void') {
        s.error(declaratorAt(d), `declaration of '${name ?? 'type name'}' as array of voids`);
        element = INT;
      } else if (!isComplete(base)) {
        s.error(declaratorAt(d), `array type has incomplete element type '${typeToString(base)}'`);
      }
      let length: number | undefined;
      if (d.size !== undefined) {
        length = constantInt(s, d.size, 'variable length arrays are not supported') ?? 1;
        if (length < 0) {
          s.error(d.at, `size of ${label} is negative`);
          length = 1;
        }
      }
      return applyDeclarator(s, d.inner, arrayOf(element, length));
    }
    case 'func': {
      let ret = base;
      if (base.kind === 'array' || base.kind === 'func') {
        const what = base.kind === 'array' ? 'an array' : 'a function';
        s.error(declaratorAt(d), `'${name ?? 'type name'}' declared as function returning ${what}`);
        ret = INT;
      }
      const params = d.params.map((p) => parameter(s, p));
      const type: FuncType = {
        kind: 'func', ret, params: params.map((p) => p.type), variadic: d.variadic, unspecified: d.unspecified,
      };
      const inner = applyDeclarator(s, d.inner, type);
      return d.inner.kind === 'name' ? { ...inner, params } : inner;
    }
    default: {
      const never: never = d;
      return never;
    }
  }
}

function parameter(s: Sema, p: SynParam): ParamInfo {
  const base = resolveSpecifiers(s, p.specs);
  const declared = applyDeclarator(s, p.declarator, base.type);
  let type = declared.type;
  if (type.kind === 'array') type = pointerTo(type.base);
  else if (type.kind === 'func') type = pointerTo(type);
  return { name: declared.name, type, at: declared.name === undefined ? p.specs.start : declared.at };
}

function declaratorName(d: SynDeclarator): string | undefined {
  return d.kind === 'name' ? d.name : declaratorName(d.inner);
}

function declaratorAt(d: SynDeclarator): At {
  return d.kind === 'name' ? d.at : declaratorAt(d.inner);
}

export function resolveTypeName(s: Sema, t: SynTypeName): Type {
  const base = resolveSpecifiers(s, t.specs);
  if (base.storage !== undefined) s.error(t.at, `storage class specified for type name`);
  return applyDeclarator(s, t.declarator, base.type).type;
}
