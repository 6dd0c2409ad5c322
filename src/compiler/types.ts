// C types under ILP32: the representation shared by the parser (which builds and
// checks them) and the code generator (which reads sizes, offsets and signedness).

export type IntKind = 'bool' | 'char' | 'schar' | 'uchar' | 'short' | 'ushort' | 'int' | 'uint' | 'long' | 'ulong';

export interface VoidType {
  readonly kind: 'void';
}

/** Every integer type, including _Bool, char (signed) and enums (enumTag set). */
export interface IntType {
  readonly kind: 'int';
  readonly ik: IntKind;
  readonly size: 1 | 2 | 4;
  readonly unsigned: boolean;
  /** Set for an enum type (its tag, or '' for an anonymous enum). */
  readonly enumTag?: string;
}

export interface PointerType {
  readonly kind: 'ptr';
  readonly base: Type;
}

export interface ArrayType {
  readonly kind: 'array';
  readonly base: Type;
  /** undefined while incomplete (`int a[]` before its initialiser fixes it). */
  length: number | undefined;
}

export interface FuncType {
  readonly kind: 'func';
  readonly ret: Type;
  readonly params: Type[];
  readonly variadic: boolean;
  /** `int f()` — parameters unspecified (old style): any arguments accepted, default promotions. */
  readonly unspecified: boolean;
}

export interface Member {
  readonly name: string; // '' for an unnamed bit of padding is never created; anonymous struct members are flattened
  readonly type: Type;
  readonly offset: number;
}

/** struct and union; completed in place when the definition is seen. */
export interface StructType {
  readonly kind: 'struct';
  readonly isUnion: boolean;
  readonly tag: string | undefined;
  members: Member[];
  size: number;
  align: number;
  complete: boolean;
}

export type Type = VoidType | IntType | PointerType | ArrayType | FuncType | StructType;

function intType(ik: IntKind, size: 1 | 2 | 4, unsigned: boolean): IntType {
  return { kind: 'int', ik, size, unsigned };
}

export const VOID: VoidType = { kind: 'void' };
export const BOOL = intType('bool', 1, true);
export const CHAR = intType('char', 1, false);
export const SCHAR = intType('schar', 1, false);
export const UCHAR = intType('uchar', 1, true);
export const SHORT = intType('short', 2, false);
export const USHORT = intType('ushort', 2, true);
export const INT = intType('int', 4, false);
export const UINT = intType('uint', 4, true);
export const LONG = intType('long', 4, false);
export const ULONG = intType('ulong', 4, true);

export function pointerTo(base: Type): PointerType {
  return { kind: 'ptr', base };
}

export function arrayOf(base: Type, length: number | undefined): ArrayType {
  return { kind: 'array', base, length };
}

export function sizeOf(t: Type): number {
  switch (t.kind) {
    case 'void':
      return 1; // gcc's extension: sizeof(void) == 1, void* arithmetic steps by 1
    case 'int':
      return t.size;
    case 'ptr':
      return 4;
    case 'array':
      return t.length === undefined ? 0 : t.length * sizeOf(t.base);
    case 'func':
      return 1; // gcc's extension
    case 'struct':
      return t.size;
    default: {
      const never: never = t;
      return never;
    }
  }
}

export function alignOf(t: Type): number {
  switch (t.kind) {
    case 'void':
    case 'func':
      return 1;
    case 'int':
      return t.size;
    case 'ptr':
      return 4;
    case 'array':
      return alignOf(t.base);
    case 'struct':
      return t.align;
    default: {
      const never: never = t;
      return never;
    }
  }
}

export function isInteger(t: Type): t is IntType {
  return t.kind === 'int';
}

/** Integer or pointer: what may be tested for truth, compared, or used by && || ! ?: */
export function isScalar(t: Type): boolean {
  return t.kind === 'int' || t.kind === 'ptr';
}
