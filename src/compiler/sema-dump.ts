// The typed AST as S-expressions, one line per expression or statement: what the
// tests assert tree shapes against, and a readable view when debugging the
// parser. Conversions show their target type: `(cast 'unsigned int' c)`.

import type { Expr, Initializer, Stmt } from './ast.js';
import { typeToString } from './sema-types.js';

export function dumpExpr(e: Expr): string {
  const t = (): string => `'${typeToString(e.type)}'`;
  switch (e.kind) {
    case 'num':
      return e.type.kind === 'int' && e.type.ik === 'int' ? String(e.value) : `${e.value}:${t()}`;
    case 'str':
      return JSON.stringify(new TextDecoder().decode(e.bytes.subarray(0, e.bytes.length - 1)));
    case 'var':
      return e.sym.name;
    case 'funcref':
      return `fn:${e.sym.name}`;
    case 'unary':
      return `(${e.op} ${dumpExpr(e.operand)})`;
    case 'binary':
      return `(${e.op} ${dumpExpr(e.lhs)} ${dumpExpr(e.rhs)})`;
    case 'ptrdiff':
      return `(ptrdiff ${dumpExpr(e.lhs)} ${dumpExpr(e.rhs)} ${e.elemSize})`;
    case 'logand':
      return `(&& ${dumpExpr(e.lhs)} ${dumpExpr(e.rhs)})`;
    case 'logor':
      return `(|| ${dumpExpr(e.lhs)} ${dumpExpr(e.rhs)})`;
    case 'assign':
      return `(= ${dumpExpr(e.target)} ${dumpExpr(e.value)})`;
    case 'compoundAssign':
      return `(${e.op}= ${dumpExpr(e.target)} ${dumpExpr(e.value)} in '${typeToString(e.opType)}')`;
    case 'incdec':
      return e.prefix ? `(pre${e.delta > 0 ? '+' : ''}${e.delta} ${dumpExpr(e.target)})` : `(post${e.delta > 0 ? '+' : ''}${e.delta} ${dumpExpr(e.target)})`;
    case 'cond':
      return `(? ${dumpExpr(e.cond)} ${dumpExpr(e.then)} ${dumpExpr(e.else)})`;
    case 'comma':
      return `(, ${dumpExpr(e.lhs)} ${dumpExpr(e.rhs)})`;
    case 'addr':
      return `(& ${dumpExpr(e.operand)})`;
    case 'deref':
      return `(* ${dumpExpr(e.operand)})`;
    case 'member':
      return `(. ${dumpExpr(e.base)} ${e.member.name}@${e.member.offset})`;
    case 'cast':
      return `(cast ${t()} ${dumpExpr(e.operand)})`;
    case 'decay':
      return `(decay ${dumpExpr(e.operand)})`;
    case 'call':
      return `(call ${[e.callee, ...e.args].map(dumpExpr).join(' ')}${e.retSlot === undefined ? '' : ' ->slot'})`;
    case 'syscall':
      return `(syscall ${[e.nr, ...e.args.map(dumpExpr)].join(' ')})`;
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function dumpInit(init: Initializer): string {
  return init.entries.map((en) => `${en.offset}:${typeToString(en.type)}=${dumpExpr(en.expr)}`).join(' ');
}

export function dumpStmt(s: Stmt): string {
  switch (s.kind) {
    case 'expr':
      return dumpExpr(s.expr);
    case 'decl':
      return `(decl ${s.vars.map((v) => (v.init === undefined ? v.sym.name : `${v.sym.name}{${dumpInit(v.init)}}`)).join(' ')})`;
    case 'block':
      return `{${s.body.map(dumpStmt).join(' ')}}`;
    case 'if':
      return `(if ${dumpExpr(s.cond)} ${dumpStmt(s.then)}${s.else === undefined ? '' : ` ${dumpStmt(s.else)}`})`;
    case 'while':
      return `(while ${dumpExpr(s.cond)} ${dumpStmt(s.body)})`;
    case 'dowhile':
      return `(do ${dumpStmt(s.body)} ${dumpExpr(s.cond)})`;
    case 'for': {
      const part = (x: Expr | undefined): string => (x === undefined ? '_' : dumpExpr(x));
      return `(for ${s.init === undefined ? '_' : dumpStmt(s.init)} ${part(s.cond)} ${part(s.step)} ${dumpStmt(s.body)})`;
    }
    case 'switch':
      return `(switch ${dumpExpr(s.cond)} [${s.cases.map((c) => c.value).join(' ')}${s.defaultCase ? ' default' : ''}] ${dumpStmt(s.body)})`;
    case 'case':
      return `(case ${s.value} ${dumpStmt(s.body)})`;
    case 'default':
      return `(default ${dumpStmt(s.body)})`;
    case 'break':
      return '(break)';
    case 'continue':
      return '(continue)';
    case 'return':
      return s.value === undefined ? '(return)' : `(return ${dumpExpr(s.value)})`;
    case 'goto':
      return `(goto ${s.label})`;
    case 'label':
      return `(label ${s.name} ${dumpStmt(s.body)})`;
    case 'empty':
      return ';';
    default: {
      const never: never = s;
      return never;
    }
  }
}
