// Static storage: globals, static locals and string literals become data sections
// of the object. An initialiser is evaluated at compile time into bytes plus
// relocations (a pointer to a global, a function or a string literal, plus a
// constant offset); anything else is "initializer element is not constant".

import type { Expr, VarSymbol } from './ast.js';
import { CodegenError } from './codegen-emit.js';
import type { UnitContext } from './codegen-frame.js';
import { copiedStringBytes } from './codegen-stmt.js';
import { encodeBytes, type DataReloc, type ObjData } from './object.js';
import { alignOf, sizeOf, type Type } from './types.js';

/** A link-time constant: symbol address (when symbol is set) plus value. */
interface StaticValue {
  symbol?: string;
  value: number;
}

const NOT_CONSTANT = 'initializer element is not constant';

/** The data section of a file-scope object or static local. */
export function genStaticObject(v: VarSymbol, unit: UnitContext): ObjData {
  const size = sizeOf(v.type);
  const header = {
    name: v.name,
    linkName: v.linkName,
    local: v.storage === 'static',
    file: v.loc.file,
    line: Math.max(1, v.loc.line),
    size,
    align: Math.max(1, alignOf(v.type)),
  };
  if (v.init === undefined) return { ...header, relocs: [], common: v.storage !== 'static' };
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  const relocs: DataReloc[] = [];
  for (const entry of v.init.entries) {
    if (entry.type.kind === 'array') {
      const literal = entry.expr.kind === 'decay' ? entry.expr.operand : entry.expr;
      if (literal.kind !== 'str') throw new CodegenError(entry.expr.loc, NOT_CONSTANT);
      bytes.set(literal.bytes.subarray(0, copiedStringBytes(entry.type, entry.expr)), entry.offset);
      continue;
    }
    const width = scalarWidth(entry.type, entry.expr);
    const k = staticValue(entry.expr, unit);
    if (k.symbol !== undefined) {
      if (width !== 4) throw new CodegenError(entry.expr.loc, 'initializer element is not computable at load time');
      relocs.push({ offset: entry.offset, symbol: k.symbol, addend: k.value });
    } else if (width === 4) {
      view.setInt32(entry.offset, k.value, true);
    } else if (width === 2) {
      view.setInt16(entry.offset, k.value, true);
    } else {
      view.setInt8(entry.offset, (k.value << 24) >> 24);
    }
  }
  const allZero = relocs.length === 0 && bytes.every((b) => b === 0);
  return { ...header, relocs, common: false, ...(allZero ? {} : { bytes: encodeBytes(bytes) }) };
}

/** The read-only data section of a string literal. */
export function stringObject(linkName: string, bytes: Uint8Array, file: string): ObjData {
  return {
    name: '',
    linkName,
    local: true,
    file,
    line: 1,
    size: bytes.length,
    align: 1,
    bytes: encodeBytes(bytes),
    relocs: [],
    common: false,
  };
}

function scalarWidth(t: Type, e: Expr): number {
  if (t.kind === 'int') return t.size;
  if (t.kind === 'ptr') return 4;
  throw new CodegenError(e.loc, NOT_CONSTANT);
}

function staticValue(e: Expr, unit: UnitContext): StaticValue {
  switch (e.kind) {
    case 'num':
      return { value: e.value | 0 };
    case 'cast': {
      const inner = staticValue(e.operand, unit);
      if (inner.symbol !== undefined || e.type.kind !== 'int') return inner;
      return { value: truncate(inner.value, e.type.size, e.type.unsigned, e.type.ik === 'bool') };
    }
    case 'addr':
    case 'decay':
      return staticAddress(e.operand, unit);
    case 'str':
    case 'funcref':
      return staticAddress(e, unit);
    case 'binary': {
      const l = staticValue(e.lhs, unit);
      const r = staticValue(e.rhs, unit);
      if (e.op === '+' && (l.symbol === undefined || r.symbol === undefined)) {
        return { symbol: l.symbol ?? r.symbol, value: (l.value + r.value) | 0 };
      }
      if (e.op === '-' && r.symbol === undefined) return { symbol: l.symbol, value: (l.value - r.value) | 0 };
      throw new CodegenError(e.loc, NOT_CONSTANT);
    }
    default:
      if (e.type.kind === 'array' || e.type.kind === 'func') return staticAddress(e, unit);
      throw new CodegenError(e.loc, NOT_CONSTANT);
  }
}

function staticAddress(e: Expr, unit: UnitContext): StaticValue {
  switch (e.kind) {
    case 'var':
      if (e.sym.storage === 'local' || e.sym.storage === 'param') throw new CodegenError(e.loc, NOT_CONSTANT);
      return { symbol: e.sym.linkName, value: 0 };
    case 'funcref':
      return { symbol: e.sym.linkName, value: 0 };
    case 'str':
      return { symbol: unit.stringSymbol(e.bytes), value: 0 };
    case 'member': {
      const base = staticAddress(e.base, unit);
      return { symbol: base.symbol, value: (base.value + e.member.offset) | 0 };
    }
    case 'deref':
      return staticValue(e.operand, unit);
    default:
      throw new CodegenError(e.loc, NOT_CONSTANT);
  }
}

function truncate(value: number, size: number, unsigned: boolean, isBool: boolean): number {
  if (isBool) return value !== 0 ? 1 : 0;
  if (size === 4) return value | 0;
  const bits = 32 - size * 8;
  return unsigned ? (value << bits) >>> bits : (value << bits) >> bits;
}
