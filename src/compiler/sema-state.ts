// The state of semantic analysis for one translation unit: scopes, what has been
// defined so far, the function being analysed (its locals, labels, enclosing
// loops and switches), and the diagnostics sink. The sema-*.ts files are free
// functions over this state.

import type {
  CaseStmt,
  DefaultStmt,
  FuncSymbol,
  FunctionDef,
  Loc,
  Storage,
  VarSymbol,
} from './ast.js';
import type { Diagnostic, DiagnosticBag } from './diagnostics.js';
import type { At } from './parse-tree.js';
import { ScopeChain, type OrdinaryEntry, type TagEntry } from './scope.js';
import type { IntType, Type } from './types.js';

export interface SwitchState {
  readonly type: IntType;
  readonly cases: CaseStmt[];
  readonly caseAt: Map<number, At>;
  defaultCase?: DefaultStmt;
  defaultAt?: At;
}

export interface FunctionState {
  readonly sym: FuncSymbol;
  readonly returnType: Type;
  readonly locals: VarSymbol[];
  readonly labels: Map<string, At>;
  readonly gotos: { label: string; at: At }[];
  readonly switches: SwitchState[];
  loopDepth: number;
  /** Undeclared names already reported in this function. */
  readonly undeclared: Set<string>;
  funcName?: VarSymbol;
}

/** Where a symbol was declared, for notes ("declared here", "previous definition"). */
export interface DeclInfo {
  at: At;
  /** Set once the symbol has a definition (an object with an initialiser, a function with a body). */
  definedAt?: At;
  /** Function parameters' places (for "expected 'int *' but argument is of type ..."). */
  paramAt?: At[];
}

export class Sema {
  readonly ordinary = new ScopeChain<OrdinaryEntry>();
  readonly tags = new ScopeChain<TagEntry>();
  readonly functions: FunctionDef[] = [];
  /** File-scope objects in order of first declaration (externs included until defined). */
  readonly fileObjects: VarSymbol[] = [];
  readonly fileFunctions: FuncSymbol[] = [];
  /** Static locals and other objects with static storage created inside functions. */
  readonly staticLocals: VarSymbol[] = [];
  readonly declInfo = new Map<VarSymbol | FuncSymbol, DeclInfo>();
  readonly used = new Set<VarSymbol | FuncSymbol>();
  fn: FunctionState | undefined;
  /** gcc explains "reported only once" after the first undeclared identifier. */
  explainedUndeclared = false;
  private nextId = 1;

  constructor(
    readonly file: string,
    readonly diags: DiagnosticBag,
  ) {}

  newId(): number {
    return this.nextId++;
  }

  loc(at: At): Loc {
    return { file: at.file, line: at.line, col: at.column };
  }

  error(at: At, message: string): Diagnostic {
    return this.diags.error(at, message);
  }

  warning(at: At, message: string): Diagnostic {
    return this.diags.warning(at, message);
  }

  note(parent: Diagnostic, at: At, message: string): void {
    this.diags.note(parent, at, message);
  }

  pushScope(): void {
    this.ordinary.push();
    this.tags.push();
  }

  popScope(): void {
    this.ordinary.pop();
    this.tags.pop();
  }

  get atFileScope(): boolean {
    return this.ordinary.atFileScope;
  }

  makeVar(name: string, type: Type, storage: Storage, at: At): VarSymbol {
    const id = this.newId();
    const linkName = storage === 'static' ? `${name}.${id}` : name;
    const sym: VarSymbol = { kind: 'var', name, type, storage, id, linkName, loc: this.loc(at) };
    this.declInfo.set(sym, { at });
    return sym;
  }

  /** A hidden local of the current function (a struct call's result slot). */
  makeHiddenLocal(type: Type, at: At): VarSymbol {
    const sym = this.makeVar(`.tmp${this.nextId}`, type, 'local', at);
    this.fn?.locals.push(sym);
    return sym;
  }
}
