// Type relations for semantic analysis: compatibility, the integer promotions and
// usual arithmetic conversions under ILP32, completeness, and type names spelled
// the way gcc spells them in diagnostics ('long unsigned int', 'int (*)[3]').

import {
  INT,
  LONG,
  UINT,
  ULONG,
  sizeOf,
  type FuncType,
  type IntType,
  type PointerType,
  type StructType,
  type Type,
} from './types.js';

export function isPointer(t: Type): t is PointerType {
  return t.kind === 'ptr';
}

export function isVoidPointer(t: Type): boolean {
  return t.kind === 'ptr' && t.base.kind === 'void';
}

export function isStruct(t: Type): t is StructType {
  return t.kind === 'struct';
}

/** Complete object types have a known size (void, functions and undefined structs do not). */
export function isComplete(t: Type): boolean {
  switch (t.kind) {
    case 'void':
    case 'func':
      return false;
    case 'struct':
      return t.complete;
    case 'array':
      return t.length !== undefined && isComplete(t.base);
    case 'int':
    case 'ptr':
      return true;
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** The integer promotions: every integer type narrower than int (and _Bool, enums) becomes int. */
export function promote(t: IntType): IntType {
  if (t.size < 4) return INT;
  if (t.enumTag !== undefined) return t.unsigned ? UINT : INT;
  return t;
}

/** The usual arithmetic conversions of two promoted integer types (long is 32 bits). */
export function usualArithmetic(a: IntType, b: IntType): IntType {
  const pa = promote(a);
  const pb = promote(b);
  const isLong = pa.ik === 'long' || pa.ik === 'ulong' || pb.ik === 'long' || pb.ik === 'ulong';
  const isUnsigned = pa.unsigned || pb.unsigned;
  if (isLong) return isUnsigned ? ULONG : LONG;
  return isUnsigned ? UINT : INT;
}

/** Compatible types (C99 6.2.7), ignoring qualifiers, which this compiler does not track. */
export function compatible(a: Type, b: Type): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'void':
      return b.kind === 'void';
    case 'int':
      return b.kind === 'int' && a.ik === b.ik;
    case 'ptr':
      return b.kind === 'ptr' && compatible(a.base, b.base);
    case 'array':
      return (
        b.kind === 'array' &&
        compatible(a.base, b.base) &&
        (a.length === undefined || b.length === undefined || a.length === b.length)
      );
    case 'func':
      return b.kind === 'func' && compatibleFunctions(a, b);
    case 'struct':
      return false;
    default: {
      const never: never = a;
      return never;
    }
  }
}

function compatibleFunctions(a: FuncType, b: FuncType): boolean {
  if (!compatible(a.ret, b.ret)) return false;
  if (a.unspecified || b.unspecified) return true;
  if (a.variadic !== b.variadic || a.params.length !== b.params.length) return false;
  return a.params.every((p, i) => compatible(p, b.params[i]));
}

/** The size of what a pointer points to, as used to scale pointer arithmetic. */
export function pointeeSize(t: PointerType): number {
  return sizeOf(t.base);
}

// ---- type names as gcc prints them ------------------------------------------------

const intNames: Record<IntType['ik'], string> = {
  bool: '_Bool',
  char: 'char',
  schar: 'signed char',
  uchar: 'unsigned char',
  short: 'short int',
  ushort: 'short unsigned int',
  int: 'int',
  uint: 'unsigned int',
  long: 'long int',
  ulong: 'long unsigned int',
};

export function typeToString(t: Type): string {
  return render(t, '');
}

function leafName(t: Type): string {
  switch (t.kind) {
    case 'void':
      return 'void';
    case 'int':
      return t.enumTag !== undefined ? `enum ${t.enumTag === '' ? '<anonymous>' : t.enumTag}` : intNames[t.ik];
    case 'struct':
      return `${t.isUnion ? 'union' : 'struct'} ${t.tag ?? '<anonymous>'}`;
    case 'ptr':
    case 'array':
    case 'func':
      return '';
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** `inner` is the declarator text built so far around the (absent) name. */
function render(t: Type, inner: string): string {
  switch (t.kind) {
    case 'ptr': {
      const wrapped = t.base.kind === 'array' || t.base.kind === 'func' ? `(*${inner})` : `*${inner}`;
      return render(t.base, wrapped);
    }
    case 'array':
      return render(t.base, `${inner}[${t.length ?? ''}]`);
    case 'func': {
      const params = t.unspecified ? '' : t.params.length === 0 && !t.variadic ? 'void' : paramList(t);
      return render(t.ret, `${inner}(${params})`);
    }
    default: {
      const name = leafName(t);
      if (inner === '') return name;
      return inner.startsWith('*') || inner.startsWith('(*') ? `${name} ${inner}` : `${name}${inner}`;
    }
  }
}

function paramList(t: FuncType): string {
  const names = t.params.map(typeToString);
  if (t.variadic) names.push('...');
  return names.join(', ');
}
