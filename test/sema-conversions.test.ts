// Implicit conversions made explicit: integer promotions, usual arithmetic
// conversions (ILP32: long and int the same size), shifts, pointer arithmetic
// scaling and differences, decay, null pointer constants, argument and return
// conversions; and the types C gives integer and character constants.
import { describe, expect, it } from 'vitest';
import { body, clean, expr, exprType, messages } from './sema-helpers.js';

const vars = `char c; signed char sc; unsigned char uc; short s; unsigned short us; int i; unsigned u;
  long l; unsigned long ul; _Bool b; int *p; char *cp; void *vp; int arr[3]; struct pt { int x, y; } pt, *ptp;
  int f(int a, long b); void g(char *s, ...); int h(); struct pt mk(void);`;

describe('integer promotions and usual arithmetic conversions', () => {
  it('narrow types are promoted to int', () => {
    expect(expr(vars, 'c + s')).toBe("(+ (cast 'int' c) (cast 'int' s))");
    expect(expr(vars, 'uc * us')).toBe("(* (cast 'int' uc) (cast 'int' us))");
    expect(exprType(vars, 'b + b')).toBe('int');
    expect(expr(vars, '-uc')).toBe("(neg (cast 'int' uc))");
    expect(expr(vars, '~c')).toBe("(bitnot (cast 'int' c))");
  });

  it('int with unsigned int is unsigned int', () => {
    expect(expr(vars, 'i + u')).toBe("(+ (cast 'unsigned int' i) u)");
    expect(expr(vars, 'c < u')).toBe("(< (cast 'unsigned int' c) u)");
    expect(expr('', '-1 < 0u')).toBe('0');
    expect(expr('', '0u - 1')).toBe("-1:'unsigned int'");
  });

  it('long with unsigned int is unsigned long under ILP32', () => {
    expect(exprType(vars, 'l + u')).toBe('long unsigned int');
    expect(exprType(vars, 'l + i')).toBe('long int');
    expect(exprType(vars, 'ul + i')).toBe('long unsigned int');
    expect(exprType(vars, 'u + s')).toBe('unsigned int');
  });

  it('shifts take the promoted type of the left operand', () => {
    expect(expr(vars, 'uc << u')).toBe("(<< (cast 'int' uc) (cast 'int' u))");
    expect(exprType(vars, 'u >> i')).toBe('unsigned int');
    expect(expr('', '0x80000000u >> 31')).toBe("1:'unsigned int'");
    expect(expr('', '-16 >> 2')).toBe('-4');
  });

  it('compound assignment records the operation type', () => {
    expect(expr(vars, 'uc += 10')).toBe("(+= uc 10 in 'int')");
    expect(expr(vars, 'c += u')).toBe("(+= c u in 'unsigned int')");
    expect(expr(vars, 'p += i')).toBe("(+= p (* i 4) in 'int *')");
    expect(expr(vars, 's <<= ul')).toBe("(<<= s (cast 'int' ul) in 'int')");
  });

  it('assignment converts the value to the target type', () => {
    expect(expr(vars, 'c = i')).toBe("(= c (cast 'char' i))");
    expect(expr(vars, 'b = p')).toBe("(= b (cast '_Bool' p))");
    expect(expr(vars, 'l = i')).toBe("(= l (cast 'long int' i))");
    expect(expr(vars, 'u = 5')).toBe("(= u 5:'unsigned int')");
    expect(expr(vars, 'pt = *ptp')).toBe('(= pt (* ptp))');
  });
});

describe('pointers', () => {
  it('arithmetic is scaled and differences divide', () => {
    expect(expr(vars, 'p + 1')).toBe('(+ p 4)');
    expect(expr(vars, '2 + p')).toBe('(+ p 8)');
    expect(expr(vars, 'p - i')).toBe('(- p (* i 4))');
    expect(expr(vars, 'p + u')).toBe("(+ p (* (cast 'int' u) 4))");
    expect(expr(vars, 'cp + i')).toBe('(+ cp i)');
    expect(expr(vars, 'vp + 1')).toBe('(+ vp 1)');
    expect(expr(vars, 'p - p')).toBe('(ptrdiff p p 4)');
    expect(expr(vars, 'ptp + 1')).toBe('(+ ptp 8)');
    expect(expr(vars, 'p++')).toBe('(post+4 p)');
    expect(expr(vars, '--ptp')).toBe('(pre-8 ptp)');
  });

  it('arrays and functions decay', () => {
    expect(expr(vars, 'arr + 1')).toBe('(+ (decay arr) 4)');
    expect(exprType(vars, 'arr')).toBe('int *');
    expect(expr(vars, 'sizeof arr')).toBe("12:'unsigned int'");
    expect(expr(vars, '*arr')).toBe('(* (decay arr))');
    expect(expr(vars, 'f')).toBe('(decay fn:f)');
    expect(exprType(vars, '&f')).toBe('int (*)(int, long int)');
    expect(expr(vars, '(*f)(1, 2)')).toBe("(call (decay fn:f) 1 2:'long int')");
    expect(expr(vars, '(**f)(1, 2)')).toBe("(call (decay fn:f) 1 2:'long int')");
  });

  it('void pointers convert both ways; null pointer constants convert to any pointer', () => {
    expect(expr(vars, 'p = vp')).toBe("(= p (cast 'int *' vp))");
    expect(expr(vars, 'vp = p')).toBe("(= vp (cast 'void *' p))");
    expect(expr(vars, 'p = 0')).toBe("(= p 0:'int *')");
    expect(expr(vars, 'p == 0')).toBe("(== p 0:'int *')");
    expect(expr(vars, 'i ? p : 0')).toBe("(? i p 0:'int *')");
    expect(exprType(vars, 'i ? p : vp')).toBe('void *');
    expect(expr(vars, 'p < p')).toBe('(< p p)');
  });

  it('struct values', () => {
    expect(exprType(vars, 'mk()')).toBe('struct pt');
    expect(expr(vars, 'mk().y')).toBe('(. (call (decay fn:mk) ->slot) y@4)');
    expect(expr(vars, 'ptp->y')).toBe('(. (* ptp) y@4)');
  });
});

describe('calls', () => {
  it('arguments are converted to the parameter types', () => {
    expect(expr(vars, 'f(c, i)')).toBe("(call (decay fn:f) (cast 'int' c) (cast 'long int' i))");
    expect(expr(vars, 'g(cp, c, uc, s, p)')).toBe("(call (decay fn:g) cp (cast 'int' c) (cast 'int' uc) (cast 'int' s) p)");
    expect(expr(vars, 'h(c, arr)')).toBe("(call (decay fn:h) (cast 'int' c) (decay arr))");
  });

  it('return values are converted to the return type', () => {
    const unit = clean('char f(int x) { return x; } long g(void) { return 1u; }');
    expect(body(unit, 'f')).toEqual(["(return (cast 'char' x))"]);
    expect(body(unit, 'g')).toEqual(["(return 1:'long int')"]);
  });

  it('__syscall takes a constant number and word arguments', () => {
    expect(expr(vars, '__syscall(4, 1, cp, c)')).toBe("(syscall 4 1 cp (cast 'int' c))");
    expect(messages('int f(int n) { return __syscall(n, 1); }')).toEqual([
      "t.c:1:33: error: the first argument of '__syscall' must be an integer constant",
    ]);
  });
});

describe('constants', () => {
  it('decimal constants are int, then unsigned long with a warning', () => {
    expect(exprType('', '2147483647')).toBe('int');
    expect(exprType('', '2147483647L')).toBe('long int');
    expect(messages('unsigned long x = 2147483648;')).toEqual([
      't.c:1:19: warning: integer constant is so large that it is unsigned',
    ]);
    expect(expr('', '4294967295u')).toBe("-1:'unsigned int'");
  });

  it('hex and octal constants are int, then unsigned int', () => {
    expect(exprType('', '0x7fffffff')).toBe('int');
    expect(expr('', '0x80000000')).toBe("-2147483648:'unsigned int'");
    expect(exprType('', '0xffffffffL')).toBe('long unsigned int');
    expect(expr('', '017')).toBe('15');
    expect(exprType('', '10u')).toBe('unsigned int');
    expect(exprType('', '10ul')).toBe('long unsigned int');
  });

  it('long long is rejected', () => {
    expect(messages('int x = 1LL;')).toEqual(['t.c:1:9: error: long long is not supported']);
    expect(messages('long long x;')).toEqual(['t.c:1:6: error: long long is not supported']);
  });

  it('character constants are ints with the value of a signed char', () => {
    expect(expr('', "'A'")).toBe('65');
    expect(expr('', "'\\n' + '\\t' + '\\0'")).toBe('19');
    expect(expr('', "'\\377'")).toBe('-1');
    expect(expr('', "'\\x41'")).toBe('65');
    expect(expr('', "'\\\\'")).toBe('92');
    expect(exprType('', "'a'")).toBe('int');
  });

  it('string literals concatenate and know their size', () => {
    expect(expr('', 'sizeof "ab" "cd"')).toBe("5:'unsigned int'");
    expect(expr('', '"a\\tb" "\\x41"')).toBe('(decay "a\\tbA")');
    expect(expr('', 'sizeof "xyz"')).toBe("4:'unsigned int'");
    expect(expr('', 'sizeof "\\303\\251"')).toBe("3:'unsigned int'");
  });

  it('sizeof does not evaluate and has type unsigned int', () => {
    expect(expr(vars, 'sizeof(i++)')).toBe("4:'unsigned int'");
    expect(expr(vars, 'sizeof pt')).toBe("8:'unsigned int'");
    expect(expr(vars, 'sizeof(struct pt *)')).toBe("4:'unsigned int'");
  });
});
