// Operator precedence and associativity, checked on the shape of the typed tree,
// and constant folding of integer constant expressions.
import { describe, expect, it } from 'vitest';
import { expr } from './sema-helpers.js';

const vars = 'int a, b, c, d, e; int *p; int arr[4]; struct s { int x; int *y; } st, *sp;';

describe('precedence and associativity', () => {
  it('folds constants with C precedence', () => {
    expect(expr('', '1 + 2 * 3 << 1')).toBe('14');
    expect(expr('', '1 << 2 + 1')).toBe('8');
    expect(expr('', '0xF0F0 & 0x0FF0 | 0x1')).toBe('241');
    expect(expr('', '6 & 3 == 2')).toBe('0');
    expect(expr('', '10 - 3 - 2')).toBe('5');
    expect(expr('', '100 / 10 / 5')).toBe('2');
    expect(expr('', '-7 / 2')).toBe('-3');
    expect(expr('', '-7 % 3')).toBe('-1');
    expect(expr('', '1 ? 2 : 3 ? 4 : 5')).toBe('2');
    expect(expr('', '0 ? 2 : 0 ? 4 : 5')).toBe('5');
    expect(expr('', '!5 + ~5 + -(-7)')).toBe('1');
    expect(expr('', '3 > 2 > 1')).toBe('0');
    expect(expr('', '1 || 0 && 0')).toBe('1');
    expect(expr('', "'A' + 1")).toBe('66');
  });

  it('binary operators group left to right by precedence', () => {
    expect(expr(vars, 'a + b * c')).toBe('(+ a (* b c))');
    expect(expr(vars, 'a * b + c')).toBe('(+ (* a b) c)');
    expect(expr(vars, 'a - b - c')).toBe('(- (- a b) c)');
    expect(expr(vars, 'a << b + c')).toBe('(<< a (+ b c))');
    expect(expr(vars, 'a < b == c < d')).toBe('(== (< a b) (< c d))');
    expect(expr(vars, 'a & b ^ c | d')).toBe('(| (^ (& a b) c) d)');
    expect(expr(vars, 'a || b && c')).toBe('(|| a (&& b c))');
    expect(expr(vars, 'a && b || c && d')).toBe('(|| (&& a b) (&& c d))');
  });

  it('assignment and ?: group right to left', () => {
    expect(expr(vars, 'a = b = c')).toBe('(= a (= b c))');
    expect(expr(vars, 'a += b -= c')).toBe("(+= a (-= b c in 'int') in 'int')");
    expect(expr(vars, 'a ? b : c ? d : e')).toBe('(? a b (? c d e))');
    expect(expr(vars, 'a = b ? c : d')).toBe('(= a (? b c d))');
  });

  it('comma is lowest', () => {
    expect(expr(vars, 'a = 1, b = 2')).toBe('(, (= a 1) (= b 2))');
  });

  it('unary and postfix operators bind tighter than binary ones', () => {
    expect(expr(vars, '-a * b')).toBe('(* (neg a) b)');
    expect(expr(vars, '*p++')).toBe('(* (post+4 p))');
    expect(expr(vars, '(*p)++')).toBe('(post+1 (* p))');
    expect(expr(vars, '++*p')).toBe('(pre+1 (* p))');
    expect(expr(vars, '!a == b')).toBe('(== (lognot a) b)');
    expect(expr(vars, '&arr[1]')).toBe('(+ (decay arr) 4)');
    expect(expr(vars, 'sizeof a + 1')).toBe("5:'unsigned int'");
    expect(expr(vars, 'sizeof (a + 1)')).toBe("4:'unsigned int'");
    expect(expr(vars, '(char)a + 1')).toBe("(+ (cast 'int' (cast 'char' a)) 1)");
    expect(expr(vars, 'st.y[1]')).toBe('(* (+ (. st y@4) 4))');
    expect(expr(vars, '*sp->y')).toBe('(* (. (* sp) y@4))');
    expect(expr(vars, '-sp->x++')).toBe('(neg (post+1 (. (* sp) x@0)))');
  });

  it('subscripting is commutative and scaled', () => {
    expect(expr(vars, 'arr[a]')).toBe('(* (+ (decay arr) (* a 4)))');
    expect(expr(vars, 'a[arr]')).toBe('(* (+ (decay arr) (* a 4)))');
  });
});
