// Nested scopes for semantic analysis: one chain for ordinary identifiers
// (objects, functions, typedef names, enum constants) and one for struct, union
// and enum tags, as C keeps them in separate name spaces. The outermost scope is
// file scope.

import type { FuncSymbol, VarSymbol } from './ast.js';
import type { At } from './parse-tree.js';
import type { IntType, StructType, Type } from './types.js';

export type OrdinaryEntry =
  | { kind: 'var'; sym: VarSymbol; at: At }
  | { kind: 'func'; sym: FuncSymbol; at: At }
  | { kind: 'typedef'; type: Type; at: At }
  | { kind: 'enumConst'; value: number; at: At };

export type TagEntry =
  | { kind: 'struct'; type: StructType; at: At; defined: boolean }
  | { kind: 'enum'; type: IntType; at: At; defined: boolean };

export class ScopeChain<T> {
  private readonly scopes: Map<string, T>[] = [new Map()];

  push(): void {
    this.scopes.push(new Map());
  }

  pop(): void {
    if (this.scopes.length <= 1) throw new Error('ScopeChain.pop: popping file scope');
    this.scopes.pop();
  }

  get atFileScope(): boolean {
    return this.scopes.length === 1;
  }

  lookup(name: string): T | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const entry = this.scopes[i].get(name);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  lookupCurrent(name: string): T | undefined {
    return this.scopes[this.scopes.length - 1].get(name);
  }

  lookupFile(name: string): T | undefined {
    return this.scopes[0].get(name);
  }

  define(name: string, entry: T): void {
    this.scopes[this.scopes.length - 1].set(name, entry);
  }

  defineAtFile(name: string, entry: T): void {
    this.scopes[0].set(name, entry);
  }
}
