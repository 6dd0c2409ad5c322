// The syntax tree the chevrotain grammar builds: C exactly as written, names not
// yet resolved, types not yet computed. Semantic analysis (sema-*.ts) turns it into
// the typed AST of ast.ts. Every node keeps the places gcc reports diagnostics at:
// `at` is the node's caret (an operator, a keyword, a name), `start` its first token.

import type { SourceLocation } from './diagnostics.js';

export type At = SourceLocation;

interface SynBase {
  readonly at: At;
  readonly start: At;
}

// ---- expressions -----------------------------------------------------------------

export type SynBinaryOp =
  | '*' | '/' | '%' | '+' | '-' | '<<' | '>>' | '<' | '>' | '<=' | '>='
  | '==' | '!=' | '&' | '^' | '|' | '&&' | '||';

export type SynAssignOp = '=' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' | '>>=' | '&=' | '^=' | '|=';

export type SynUnaryOp = '-' | '+' | '!' | '~' | '&' | '*' | '++' | '--';

export interface SynStringPiece {
  readonly text: string; // the literal as written, quotes included
  readonly at: At;
}

export type SynExpr =
  | (SynBase & { kind: 'int'; text: string })
  | (SynBase & { kind: 'char'; text: string })
  | (SynBase & { kind: 'string'; pieces: SynStringPiece[] })
  | (SynBase & { kind: 'ident'; name: string })
  | (SynBase & { kind: 'binary'; op: SynBinaryOp; lhs: SynExpr; rhs: SynExpr })
  | (SynBase & { kind: 'assign'; op: SynAssignOp; target: SynExpr; value: SynExpr })
  | (SynBase & { kind: 'cond'; cond: SynExpr; then: SynExpr; else: SynExpr }) // at: the ':' (as gcc)
  | (SynBase & { kind: 'comma'; lhs: SynExpr; rhs: SynExpr })
  | (SynBase & { kind: 'cast'; typeName: SynTypeName; operand: SynExpr })
  | (SynBase & { kind: 'unary'; op: SynUnaryOp; operand: SynExpr })
  | (SynBase & { kind: 'postfix'; op: '++' | '--'; operand: SynExpr })
  | (SynBase & { kind: 'sizeofType'; typeName: SynTypeName })
  | (SynBase & { kind: 'sizeofExpr'; operand: SynExpr })
  | (SynBase & { kind: 'index'; base: SynExpr; index: SynExpr })
  | (SynBase & { kind: 'call'; callee: SynExpr; args: SynExpr[] })
  | (SynBase & { kind: 'member'; base: SynExpr; name: string; arrow: boolean });

// ---- declarations ----------------------------------------------------------------

export type StorageWord = 'typedef' | 'extern' | 'static' | 'auto' | 'register';
export type TypeWord =
  | 'void' | 'char' | 'short' | 'int' | 'long' | 'signed' | 'unsigned' | '_Bool'
  | 'float' | 'double' | '_Complex' | '_Imaginary';

export type SynSpecifier =
  | { kind: 'storage'; word: StorageWord; at: At }
  | { kind: 'type'; word: TypeWord; at: At }
  | { kind: 'typedefName'; name: string; at: At }
  | { kind: 'struct'; spec: SynStructSpec; at: At }
  | { kind: 'enum'; spec: SynEnumSpec; at: At }
  | { kind: 'qualifier'; at: At } // const, volatile, restrict: accepted, ignored
  | { kind: 'inline'; at: At };

export interface SynDeclSpecs {
  readonly specs: SynSpecifier[];
  readonly start: At;
}

export interface SynMemberDecl {
  readonly specs: SynDeclSpecs;
  /** Empty for an anonymous struct/union member (flattened into the enclosing one). */
  readonly declarators: SynDeclarator[];
}

export interface SynStructSpec {
  readonly isUnion: boolean;
  readonly tag?: string;
  readonly tagAt?: At;
  /** Absent for a reference (`struct s`), present (maybe empty) for a definition. */
  readonly members?: SynMemberDecl[];
}

export interface SynEnumerator {
  readonly name: string;
  readonly at: At;
  readonly value?: SynExpr;
}

export interface SynEnumSpec {
  readonly tag?: string;
  readonly tagAt?: At;
  readonly enumerators?: SynEnumerator[];
}

export interface SynParam {
  readonly specs: SynDeclSpecs;
  readonly declarator: SynDeclarator;
}

/** A declarator as a chain from the declared name outwards: the type of
 *  `{pointer, inner: D}` over a base type T is the type of D over `pointer to T`,
 *  and likewise for arrays and functions; `name` ends the chain (name absent for an
 *  abstract declarator). */
export type SynDeclarator =
  | { kind: 'name'; name?: string; at: At }
  | { kind: 'pointer'; inner: SynDeclarator; at: At }
  | { kind: 'array'; inner: SynDeclarator; size?: SynExpr; at: At }
  | {
      kind: 'func';
      inner: SynDeclarator;
      params: SynParam[];
      variadic: boolean;
      /** `()`: parameters unspecified. */
      unspecified: boolean;
      at: At;
    };

export interface SynTypeName {
  readonly specs: SynDeclSpecs;
  readonly declarator: SynDeclarator;
  readonly at: At;
}

export type SynDesignator = { kind: 'field'; name: string; at: At } | { kind: 'index'; index: SynExpr; at: At };

export interface SynInitItem {
  readonly designators: SynDesignator[];
  readonly value: SynInitializer;
}

export type SynInitializer =
  | { kind: 'expr'; expr: SynExpr; at: At }
  | { kind: 'list'; items: SynInitItem[]; at: At };

export interface SynInitDeclarator {
  readonly declarator: SynDeclarator;
  readonly init?: SynInitializer;
}

export interface SynDeclaration {
  readonly kind: 'declaration';
  readonly specs: SynDeclSpecs;
  readonly declarators: SynInitDeclarator[];
  readonly at: At; // the terminating ';' (gcc's place for "useless type name")
}

export interface SynFunctionDef {
  readonly kind: 'function';
  readonly specs: SynDeclSpecs;
  readonly declarator: SynDeclarator;
  readonly body: SynStmt & { kind: 'block' };
}

export type SynExternal = SynDeclaration | SynFunctionDef;

// ---- statements ------------------------------------------------------------------

interface SynStmtBase {
  readonly at: At;
}

export type SynStmt =
  | (SynStmtBase & { kind: 'expr'; expr: SynExpr })
  | (SynStmtBase & { kind: 'decl'; decl: SynDeclaration })
  | (SynStmtBase & { kind: 'block'; items: SynStmt[]; end: At })
  | (SynStmtBase & { kind: 'if'; cond: SynExpr; then: SynStmt; else?: SynStmt })
  | (SynStmtBase & { kind: 'while'; cond: SynExpr; body: SynStmt })
  | (SynStmtBase & { kind: 'dowhile'; body: SynStmt; cond: SynExpr })
  | (SynStmtBase & { kind: 'for'; init?: SynStmt; cond?: SynExpr; step?: SynExpr; body: SynStmt })
  | (SynStmtBase & { kind: 'switch'; cond: SynExpr; body: SynStmt })
  | (SynStmtBase & { kind: 'case'; value: SynExpr; body: SynStmt })
  | (SynStmtBase & { kind: 'default'; body: SynStmt })
  | (SynStmtBase & { kind: 'break' })
  | (SynStmtBase & { kind: 'continue' })
  | (SynStmtBase & { kind: 'return'; value?: SynExpr })
  | (SynStmtBase & { kind: 'goto'; label: string })
  | (SynStmtBase & { kind: 'label'; name: string; body: SynStmt })
  | (SynStmtBase & { kind: 'empty' });

export interface SynTranslationUnit {
  readonly items: SynExternal[];
}
