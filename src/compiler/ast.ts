// The typed abstract syntax tree: the contract between the parser (which resolves
// names, checks types, inserts every implicit conversion and folds constants) and
// the code generator (which only emits code: it never infers a type or a conversion).
//
// Invariants the parser guarantees:
//  - every Expr carries its final C type; implicit conversions (integer promotions,
//    usual arithmetic conversions, assignment/argument/return conversions, array and
//    function decay) are explicit 'cast' and 'decay' nodes;
//  - a 'binary' node's operands already have the operation's type (both int/uint after
//    the usual conversions; for pointer +/- integer the integer operand is already
//    scaled by the element size and the node's type is the pointer; pointer - pointer
//    is a 'ptrdiff' node);
//  - integer constant expressions are folded into 'num' nodes (case labels, array
//    sizes, enum values, sizeof, #if-like arithmetic on constants);
//  - lvalue kinds are 'var', 'deref', 'member' (and 'str' for string literals);
//  - struct-valued expressions are represented by their address at run time
//    (codegen copies with MCPY where a value is needed).

import type { FuncType, Member, Type } from './types.js';

export interface Loc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

// ---- symbols ------------------------------------------------------------------

export type Storage =
  | 'local' // automatic variable in a function frame
  | 'param' // function parameter (in the caller-pushed argument area)
  | 'global' // file-scope object with external linkage (defined or tentative here)
  | 'static' // file-scope static, or a static local (both live in data/bss)
  | 'extern'; // declared here, defined in another translation unit

export interface VarSymbol {
  readonly kind: 'var';
  readonly name: string;
  type: Type; // may be completed later (int a[] = {1,2,3})
  readonly storage: Storage;
  /** Unique within the translation unit: codegen keys frame slots on it. */
  readonly id: number;
  /** Linker name: the C name for external linkage; a unique mangled name for statics
   *  ("counter.3"), never clashing with other translation units' statics. */
  readonly linkName: string;
  readonly loc: Loc;
  /** Globals and statics: the initialiser (absent = zero / tentative). */
  init?: Initializer;
}

export interface FuncSymbol {
  readonly kind: 'func';
  readonly name: string;
  type: FuncType;
  readonly isStatic: boolean;
  readonly linkName: string;
  readonly loc: Loc;
  defined: boolean;
}

// ---- initialisers ----------------------------------------------------------------

/** A flattened initialiser: each entry stores one scalar (or copies one string
 *  literal into a char array) at a byte offset inside the object; every byte not
 *  covered by an entry is zero. Nested braces and designators are resolved away. */
export interface InitEntry {
  readonly offset: number;
  /** The scalar type stored, or a char array type for a string literal copied in
   *  (copy min(sizeof(type), literal length incl. NUL) bytes). */
  readonly type: Type;
  /** For globals/statics this must be a constant: 'num', 'str' (address of a string
   *  literal, or its bytes for a char array), 'addr'/'decay' of a global/static/function,
   *  optionally plus/minus a constant ('binary' + 'num'), and 'cast's of those. */
  readonly expr: Expr;
}

export interface Initializer {
  readonly entries: InitEntry[];
}

// ---- expressions -----------------------------------------------------------------

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^' | '==' | '!=' | '<' | '<=' | '>' | '>=';

interface ExprBase {
  readonly type: Type;
  readonly loc: Loc;
}

export type Expr =
  | (ExprBase & { kind: 'num'; value: number }) // value: the 32-bit pattern as a JS int32 (unsigned types too)
  | (ExprBase & { kind: 'str'; bytes: Uint8Array }) // a string literal incl. its NUL; type char[N]; an lvalue
  | (ExprBase & { kind: 'var'; sym: VarSymbol })
  | (ExprBase & { kind: 'funcref'; sym: FuncSymbol }) // a function designator (type FuncType); use via 'decay' or 'call'
  | (ExprBase & { kind: 'unary'; op: 'neg' | 'bitnot' | 'lognot'; operand: Expr })
  | (ExprBase & { kind: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr }) // comparisons of unsigned or pointer operands are unsigned
  | (ExprBase & { kind: 'ptrdiff'; lhs: Expr; rhs: Expr; elemSize: number }) // (lhs - rhs) / elemSize, type int
  | (ExprBase & { kind: 'logand' | 'logor'; lhs: Expr; rhs: Expr }) // type int, short-circuit
  | (ExprBase & { kind: 'assign'; target: Expr; value: Expr }) // value already converted to target's type; structs copied
  | (ExprBase & {
      kind: 'compoundAssign';
      op: BinaryOp; // one of + - * / % << >> & | ^
      target: Expr; // lvalue
      opType: Type; // the type the operation is done in (after promotions); the loaded target is converted to it
      value: Expr; // rhs converted to opType; for pointer += n, already scaled
    }) // result converted back to target's type; the node's type is target's type
  | (ExprBase & { kind: 'incdec'; prefix: boolean; delta: number; target: Expr }) // delta: ±1, or ±elemSize for pointers
  | (ExprBase & { kind: 'cond'; cond: Expr; then: Expr; else: Expr })
  | (ExprBase & { kind: 'comma'; lhs: Expr; rhs: Expr })
  | (ExprBase & { kind: 'addr'; operand: Expr }) // &lvalue (or &function designator)
  | (ExprBase & { kind: 'deref'; operand: Expr }) // *pointer: an lvalue of the pointee type
  | (ExprBase & { kind: 'member'; base: Expr; member: Member }) // base is a struct/union lvalue (or struct-valued call); p->m is member(deref(p))
  | (ExprBase & { kind: 'cast'; operand: Expr }) // to this node's type: int<->int (truncate / sign- or zero-extend), int<->ptr, to void, to _Bool (!= 0)
  | (ExprBase & { kind: 'decay'; operand: Expr }) // array lvalue -> pointer to first element; function designator -> pointer
  | (ExprBase & {
      kind: 'call';
      callee: Expr; // pointer to function (a 'decay' of a 'funcref' for direct calls)
      funcType: FuncType;
      args: Expr[]; // converted to the parameter types; variadic/unspecified extras default-promoted
      /** For a struct-returning call: a hidden local the result is written to. */
      retSlot?: VarSymbol;
    })
  | (ExprBase & { kind: 'syscall'; nr: number; args: Expr[] }); // __syscall(NR, ...): type int

export type ExprKind = Expr['kind'];

// ---- statements ------------------------------------------------------------------

interface StmtBase {
  readonly loc: Loc;
}

export type Stmt =
  | (StmtBase & { kind: 'expr'; expr: Expr })
  | (StmtBase & { kind: 'decl'; vars: { sym: VarSymbol; init?: Initializer }[] }) // locals only (statics are in unit.globals)
  | (StmtBase & { kind: 'block'; body: Stmt[] })
  | (StmtBase & { kind: 'if'; cond: Expr; then: Stmt; else?: Stmt })
  | (StmtBase & { kind: 'while'; cond: Expr; body: Stmt })
  | (StmtBase & { kind: 'dowhile'; body: Stmt; cond: Expr })
  | (StmtBase & { kind: 'for'; init?: Stmt; cond?: Expr; step?: Expr; body: Stmt })
  | (StmtBase & { kind: 'switch'; cond: Expr; body: Stmt; cases: CaseStmt[]; defaultCase?: DefaultStmt })
  | CaseStmt
  | DefaultStmt
  | (StmtBase & { kind: 'break' })
  | (StmtBase & { kind: 'continue' })
  | (StmtBase & { kind: 'return'; value?: Expr }) // value converted to the return type
  | (StmtBase & { kind: 'goto'; label: string })
  | (StmtBase & { kind: 'label'; name: string; body: Stmt })
  | (StmtBase & { kind: 'empty' });

/** case and default appear inside the switch body (for fall-through) and are also
 *  listed on their switch. `value` is already converted to the controlling type. */
export interface CaseStmt extends StmtBase {
  kind: 'case';
  value: number;
  body: Stmt;
}
export interface DefaultStmt extends StmtBase {
  kind: 'default';
  body: Stmt;
}

export type StmtKind = Stmt['kind'];

// ---- top level -------------------------------------------------------------------

export interface FunctionDef {
  readonly sym: FuncSymbol;
  readonly params: VarSymbol[];
  /** Every local of the function, from all nested blocks, hidden ones included
   *  (call result slots): codegen lays out the frame from this list. */
  readonly locals: VarSymbol[];
  readonly body: Stmt; // a 'block'
  readonly loc: Loc;
  /** Location of the closing brace (line table for the implicit return). */
  readonly endLoc: Loc;
}

export interface TranslationUnit {
  readonly file: string;
  readonly functions: FunctionDef[];
  /** File-scope objects and static locals defined (or tentatively defined) here. */
  readonly globals: VarSymbol[];
  /** Functions declared but not defined here, and extern objects: the linker resolves them. */
  readonly externs: (VarSymbol | FuncSymbol)[];
}
