// struct, union and enum specifiers: tags looked up or declared in the tag name
// space, struct layout under ILP32 (natural alignment, size rounded to the
// largest member alignment; anonymous struct/union members flattened into the
// enclosing type), and enum constants entered in the ordinary name space. An
// enum whose values are all non-negative is unsigned int, as with gcc.

import type { At, SynEnumSpec, SynStructSpec } from './parse-tree.js';
import { applyDeclarator, resolveSpecifiers } from './sema-declarator.js';
import { constantInt } from './sema-expr.js';
import type { Sema } from './sema-state.js';
import { isComplete, typeToString } from './sema-types.js';
import { INT, alignOf, sizeOf, type IntType, type Member, type StructType } from './types.js';

function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

export function resolveStruct(s: Sema, spec: SynStructSpec, at: At, declarationOnly: boolean): StructType {
  const kind = spec.isUnion ? 'union' : 'struct';
  const tag = spec.tag;
  const tagAt = spec.tagAt ?? at;
  const fresh = (): StructType => ({
    kind: 'struct', isUnion: spec.isUnion, tag, members: [], size: 0, align: 1, complete: false,
  });
  if (spec.members === undefined) {
    if (tag === undefined) return fresh();
    const visible = declarationOnly ? s.tags.lookupCurrent(tag) : s.tags.lookup(tag);
    if (visible !== undefined) {
      if (visible.kind === 'struct' && visible.type.isUnion === spec.isUnion) return visible.type;
      s.error(tagAt, `'${tag}' defined as wrong kind of tag`);
      return fresh();
    }
    const type = fresh();
    s.tags.define(tag, { kind: 'struct', type, at: tagAt, defined: false });
    return type;
  }
  let type: StructType;
  const existing = tag === undefined ? undefined : s.tags.lookupCurrent(tag);
  if (tag !== undefined && existing !== undefined) {
    if (existing.kind !== 'struct' || existing.type.isUnion !== spec.isUnion) {
      s.error(tagAt, `'${tag}' defined as wrong kind of tag`);
      type = fresh();
    } else if (existing.defined) {
      const d = s.error(tagAt, `redefinition of '${kind} ${tag}'`);
      s.note(d, existing.at, 'originally defined here');
      type = fresh();
    } else {
      type = existing.type;
      s.tags.define(tag, { kind: 'struct', type, at: tagAt, defined: true });
    }
  } else {
    type = fresh();
    if (tag !== undefined) s.tags.define(tag, { kind: 'struct', type, at: tagAt, defined: true });
  }
  layOut(s, type, spec.members);
  return type;
}

function layOut(s: Sema, type: StructType, decls: NonNullable<SynStructSpec['members']>): void {
  const members: Member[] = [];
  let offset = 0;
  let size = 0;
  let align = 1;
  const place = (name: string, t: Member['type'], at: At): number => {
    const a = alignOf(t);
    const at0 = type.isUnion ? 0 : alignUp(offset, a);
    align = Math.max(align, a);
    if (name !== '' && members.some((m) => m.name === name)) s.error(at, `duplicate member '${name}'`);
    offset = at0 + sizeOf(t);
    size = Math.max(size, offset);
    return at0;
  };
  decls.forEach((decl, index) => {
    const base = resolveSpecifiers(s, decl.specs, decl.declarators.length > 0);
    if (decl.declarators.length === 0) {
      const inner = base.type;
      if (inner.kind === 'struct' && inner.tag === undefined && inner.complete) {
        const start = place('', inner, decl.specs.start);
        for (const m of inner.members) members.push({ name: m.name, type: m.type, offset: start + m.offset });
      } else {
        s.warning(decl.specs.start, 'declaration does not declare anything');
      }
      return;
    }
    for (const d of decl.declarators) {
      const declared = applyDeclarator(s, d, base.type);
      const name = declared.name ?? '';
      let t = declared.type;
      const last = index === decls.length - 1;
      if (t.kind === 'func') {
        s.error(declared.at, `field '${name}' declared as a function`);
        t = INT;
      } else if (t.kind === 'array' && t.length === undefined && last && isComplete(t.base)) {
        // a flexible array member: no storage of its own
      } else if (!isComplete(t)) {
        s.error(declared.at, `field '${name}' has incomplete type`);
        t = INT;
      }
      members.push({ name, type: t, offset: place(name, t, declared.at) });
    }
  });
  type.members = members;
  type.align = align;
  type.size = alignUp(size, align);
  type.complete = true;
}

export function resolveEnum(s: Sema, spec: SynEnumSpec, at: At): IntType {
  const tag = spec.tag;
  const tagAt = spec.tagAt ?? at;
  if (spec.enumerators === undefined) {
    const visible = tag === undefined ? undefined : s.tags.lookup(tag);
    if (visible?.kind === 'enum') return visible.type;
    if (visible !== undefined) s.error(tagAt, `'${tag}' defined as wrong kind of tag`);
    const type: IntType = { kind: 'int', ik: 'uint', size: 4, unsigned: true, enumTag: tag ?? '' };
    if (tag !== undefined && visible === undefined) s.tags.define(tag, { kind: 'enum', type, at: tagAt, defined: false });
    return type;
  }
  const existing = tag === undefined ? undefined : s.tags.lookupCurrent(tag);
  if (existing !== undefined && (existing.kind !== 'enum' || existing.defined)) {
    const d = s.error(tagAt, existing.kind === 'enum' ? `nested redefinition of 'enum ${tag}'` : `'${tag}' defined as wrong kind of tag`);
    if (existing.kind === 'enum') s.note(d, existing.at, 'originally defined here');
  }
  let next = 0;
  let negative = false;
  for (const e of spec.enumerators) {
    if (e.value !== undefined) {
      next = constantInt(s, e.value, `enumerator value for '${e.name}' is not an integer constant`) ?? next;
    }
    if (next < 0) negative = true;
    declareEnumerator(s, e.name, next, e.at);
    next = (next + 1) | 0;
  }
  const type: IntType = negative
    ? { kind: 'int', ik: 'int', size: 4, unsigned: false, enumTag: tag ?? '' }
    : { kind: 'int', ik: 'uint', size: 4, unsigned: true, enumTag: tag ?? '' };
  if (tag !== undefined) s.tags.define(tag, { kind: 'enum', type, at: tagAt, defined: true });
  return type;
}

function declareEnumerator(s: Sema, name: string, value: number, at: At): void {
  const previous = s.ordinary.lookupCurrent(name);
  if (previous !== undefined) {
    const what = previous.kind === 'enumConst' ? `redeclaration of enumerator '${name}'` : `'${name}' redeclared as different kind of symbol`;
    const d = s.error(at, what);
    const type = previous.kind === 'enumConst' ? 'int' : previous.kind === 'typedef' ? typeToString(previous.type) : typeToString(previous.sym.type);
    s.note(d, previous.at, `previous ${previous.kind === 'var' ? 'declaration' : 'definition'} of '${name}' with type '${type}'`);
  }
  s.ordinary.define(name, { kind: 'enumConst', value, at });
}
