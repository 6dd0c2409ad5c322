// Initialisers flattened into InitEntry lists (offset, scalar type, value):
// nested braces, brace elision, strings into char arrays, C99 designators
// (`.f =`, `[i] =`, chained `.a.b[2] =`), unions (first or designated member),
// and array sizes taken from the initialiser. For objects with static storage
// every value must be a constant: a number, or an address constant put in the
// canonical form ast.ts describes.

import type { Expr, InitEntry, Initializer } from './ast.js';
import { addressConstant, addressConstantExpr } from './constexpr.js';
import type { At, SynDesignator, SynExpr, SynInitializer, SynInitItem } from './parse-tree.js';
import { convertAs, rvalue } from './sema-conv.js';
import { analyzeExpr, constantInt } from './sema-expr.js';
import type { Sema } from './sema-state.js';
import { isComplete, typeToString } from './sema-types.js';
import { arrayOf, sizeOf, type ArrayType, type StructType, type Type } from './types.js';

export interface InitResult {
  /** The object's type, with an incomplete array's length fixed by the initialiser. */
  readonly type: Type;
  readonly init: Initializer;
}

export function analyzeInitializer(s: Sema, type: Type, init: SynInitializer, isStatic: boolean, name: string): InitResult {
  const builder = new InitBuilder(s, isStatic, name);
  if (type.kind === 'array' && type.length === undefined) {
    const length = builder.topLevelArray(type, init);
    const complete = arrayOf(type.base, length);
    return { type: complete, init: { entries: builder.entries } };
  }
  builder.object(type, 0, init, name);
  return { type, init: { entries: builder.entries } };
}

function isCharArray(t: Type): t is ArrayType {
  return t.kind === 'array' && t.base.kind === 'int' && t.base.size === 1;
}

function isStringLiteral(init: SynInitializer): init is { kind: 'expr'; expr: SynExpr & { kind: 'string' }; at: At } {
  return init.kind === 'expr' && init.expr.kind === 'string';
}

/** The string literal of `"..."` or `{ "..." }`, which may initialise a char array. */
function stringOf(init: SynInitializer): SynExpr | undefined {
  if (isStringLiteral(init)) return init.expr;
  if (init.kind === 'list' && init.items.length === 1 && init.items[0].designators.length === 0) {
    const only = init.items[0].value;
    if (isStringLiteral(only)) return only.expr;
  }
  return undefined;
}

class InitBuilder {
  readonly entries: InitEntry[] = [];
  private readonly values = new Map<SynExpr, Expr>();
  /** Highest element index + 1 written into the top-level array of unknown size. */
  private topLength = 0;
  private top: ArrayType | undefined;

  constructor(
    private readonly s: Sema,
    private readonly isStatic: boolean,
    private readonly name: string,
  ) {}

  /** Each initialiser expression is analysed once, even when brace elision looks at it twice. */
  private expr(e: SynExpr): Expr {
    let v = this.values.get(e);
    if (v === undefined) {
      v = analyzeExpr(this.s, e);
      this.values.set(e, v);
    }
    return v;
  }

  private value(e: SynExpr): Expr {
    return rvalue(this.expr(e));
  }

  /** Fills an array of unknown size; returns the length the initialiser gives it. */
  topLevelArray(type: ArrayType, init: SynInitializer): number {
    this.top = type;
    const literal = isCharArray(type) ? stringOf(init) : undefined;
    if (literal !== undefined) {
      const str = this.expr(literal);
      const length = str.type.kind === 'array' ? (str.type.length ?? 0) : 0;
      this.string(arrayOf(type.base, length), 0, literal);
      return length;
    }
    if (init.kind === 'expr') {
      this.s.error(init.at, 'invalid initializer');
      return 1;
    }
    const end = this.fill(type, 0, init.items, 0, false, false, this.name);
    this.excess(type, init.items, end, this.name);
    return this.topLength;
  }

  /** Initialises the object of `type` at `offset` from a whole initialiser. */
  object(type: Type, offset: number, init: SynInitializer, path: string): void {
    if (init.kind === 'expr') {
      if (isCharArray(type) && isStringLiteral(init)) this.string(type, offset, init.expr);
      else if (type.kind === 'array') this.s.error(init.at, 'invalid initializer');
      else if (type.kind === 'struct') this.structValue(type, offset, init.expr);
      else this.scalar(type, offset, init.expr);
      return;
    }
    const items = init.items;
    if (type.kind === 'int' || type.kind === 'ptr') {
      if (items.length === 0) return;
      const first = items[0].value;
      if (first.kind === 'list') this.nearWarning(first.at, 'braces around scalar initializer', path);
      this.object(type, offset, first, path);
      if (items.length > 1) this.nearWarning(startOf(items[1].value), 'excess elements in scalar initializer', path);
      return;
    }
    if (isCharArray(type) && items.length >= 1 && items[0].designators.length === 0 && isStringLiteral(items[0].value)) {
      this.string(type, offset, items[0].value.expr);
      this.excess(type, items, 1, path);
      return;
    }
    if (type.kind === 'array' || type.kind === 'struct') {
      this.excess(type, items, this.fill(type, offset, items, 0, false, false, path), path);
      return;
    }
    this.s.error(init.at, 'invalid initializer');
  }

  private nearWarning(at: At, message: string, path: string): void {
    const d = this.s.warning(at, message);
    this.s.note(d, at, `(near initialization for '${path}')`);
  }

  private excess(type: Type, items: SynInitItem[], end: number, path: string): void {
    if (end >= items.length) return;
    const what = type.kind === 'array' ? 'array' : type.kind === 'struct' && type.isUnion ? 'union' : 'struct';
    this.nearWarning(startOf(items[end].value), `excess elements in ${what} initializer`, path);
  }

  /** Fills an aggregate from items[pos..]; with `elided` braces, stops at a designator that belongs
   *  to the enclosing braces (unless it is the first item, reached through a designator chain). */
  private fill(
    type: ArrayType | StructType,
    offset: number,
    items: SynInitItem[],
    pos: number,
    elided: boolean,
    designated: boolean,
    path: string,
  ): number {
    let index = 0;
    let first = true;
    while (pos < items.length) {
      const item = items[pos];
      const hasDesignator = item.designators.length > 0;
      if (hasDesignator && elided && !(designated && first)) return pos;
      first = false;
      if (hasDesignator) {
        const [designator, ...rest] = item.designators;
        const target = this.designate(type, designator, path);
        if (target === undefined) {
          pos++;
          continue;
        }
        pos = this.designated(target, offset, rest, items, pos);
        index = target.next;
      } else {
        const target = this.position(type, index, path);
        if (target === undefined) break;
        pos = this.element(target.type, offset + target.offset, items, pos, target.path);
        index = target.next;
      }
      if (type === this.top && offset === 0) this.topLength = Math.max(this.topLength, index);
      if (type.kind === 'struct' && type.isUnion) break;
    }
    return pos;
  }

  /** The sub-object at positional index `index`, if the aggregate has one. */
  private position(type: ArrayType | StructType, index: number, path: string): SubObject | undefined {
    if (type.kind === 'array') {
      if (type.length !== undefined && index >= type.length) return undefined;
      return { type: type.base, offset: index * sizeOf(type.base), next: index + 1, path: `${path}[${index}]` };
    }
    const member = type.members[index];
    if (member === undefined) return undefined;
    return { type: member.type, offset: member.offset, next: index + 1, path: `${path}.${member.name}` };
  }

  private designate(type: ArrayType | StructType, d: SynDesignator, path: string): SubObject | undefined {
    if (type.kind === 'array') {
      if (d.kind !== 'index') {
        this.s.error(d.at, 'field name not in record or union initializer');
        return undefined;
      }
      const index = constantInt(this.s, d.index, 'nonconstant array index in initializer');
      if (index === undefined) return undefined;
      if (index < 0 || (type.length !== undefined && index >= type.length)) {
        const e = this.s.error(d.index.start, 'array index in initializer exceeds array bounds');
        this.s.note(e, d.index.start, `(near initialization for '${path}')`);
        return undefined;
      }
      return { type: type.base, offset: index * sizeOf(type.base), next: index + 1, path: `${path}[${index}]` };
    }
    if (d.kind !== 'field') {
      this.s.error(d.at, 'array index in non-array initializer');
      return undefined;
    }
    const index = type.members.findIndex((m) => m.name === d.name);
    if (index < 0) {
      this.s.error(d.at, `'${typeToString(type)}' has no member named '${d.name}'`);
      return undefined;
    }
    const member = type.members[index];
    return { type: member.type, offset: member.offset, next: index + 1, path: `${path}.${member.name}` };
  }

  /** Initialises a designated sub-object from items[pos], following the rest of its designator chain;
   *  items after it continue filling the innermost aggregate of the chain. */
  private designated(target: SubObject, offset: number, rest: SynDesignator[], items: SynInitItem[], pos: number): number {
    const { type, path } = target;
    const at = offset + target.offset;
    if (rest.length === 0) return this.element(type, at, items, pos, path, true);
    if (type.kind !== 'array' && type.kind !== 'struct') {
      this.s.error(rest[0].at, 'designator in a scalar initializer');
      return pos + 1;
    }
    const chained = [{ designators: rest, value: items[pos].value }, ...items.slice(pos + 1)];
    return pos + this.fill(type, at, chained, 0, true, true, path);
  }

  /** One sub-object from items[pos]: a braced list, a value, or (brace elision) several items. */
  private element(type: Type, offset: number, items: SynInitItem[], pos: number, path: string, whole = false): number {
    const value = items[pos].value;
    if (value.kind === 'list') {
      if (type.kind === 'int' || type.kind === 'ptr') this.nearWarning(value.at, 'braces around scalar initializer', path);
      this.object(type, offset, value, path);
      return pos + 1;
    }
    if (type.kind === 'int' || type.kind === 'ptr') {
      this.scalar(type, offset, value.expr);
      return pos + 1;
    }
    if (isCharArray(type) && isStringLiteral(value)) {
      this.string(type, offset, value.expr);
      return pos + 1;
    }
    if (type.kind === 'struct' && this.value(value.expr).type === type) {
      this.structValue(type, offset, value.expr);
      return pos + 1;
    }
    if (type.kind === 'array' || type.kind === 'struct') {
      if (whole && items[pos].designators.length > 0) {
        const chained = [{ designators: [], value }, ...items.slice(pos + 1)];
        return pos + this.fill(type, offset, chained, 0, true, false, path);
      }
      return this.fill(type, offset, items, pos, true, false, path);
    }
    this.s.error(value.at, 'invalid initializer');
    return pos + 1;
  }

  private scalar(type: Type, offset: number, e: SynExpr): void {
    const converted = convertAs(this.s, this.value(e), type, { kind: 'initialization' }, e.start);
    this.push(offset, type, this.constant(converted, e.start));
  }

  private structValue(type: StructType, offset: number, e: SynExpr): void {
    const v = this.value(e);
    if (!isComplete(type)) return;
    if (v.type.kind !== 'struct') {
      this.s.error(e.start, 'invalid initializer');
      return;
    }
    const converted = convertAs(this.s, v, type, { kind: 'initialization' }, e.start);
    if (this.isStatic) {
      this.s.error(e.start, 'initializer element is not constant');
      return;
    }
    this.push(offset, type, converted);
  }

  private string(type: ArrayType, offset: number, e: SynExpr): void {
    const str = this.expr(e);
    if (str.kind !== 'str') return;
    if (type.length !== undefined && str.bytes.length - 1 > type.length) {
      this.s.warning(e.start, `initializer-string for array of '${typeToString(type.base)}' is too long`);
    }
    this.push(offset, type, str);
  }

  /** For static storage, the value as a constant (or an error); otherwise the value itself. */
  private constant(e: Expr, at: At): Expr {
    if (!this.isStatic || e.kind === 'num') return e;
    const address = e.type.kind === 'ptr' || (e.type.kind === 'int' && e.type.size === 4) ? addressConstant(e) : undefined;
    if (address !== undefined) return addressConstantExpr(address, e.type);
    this.s.error(at, 'initializer element is not constant');
    return e;
  }

  private push(offset: number, type: Type, expr: Expr): void {
    this.entries.push({ offset, type, expr });
  }
}

interface SubObject {
  readonly type: Type;
  readonly offset: number;
  /** The positional index that follows it. */
  readonly next: number;
  /** As gcc names it in notes: `arr[1]`, `s.inner.b`. */
  readonly path: string;
}

function startOf(init: SynInitializer): At {
  return init.kind === 'expr' ? init.expr.start : init.at;
}
