// Malformed expressions and the diagnostics they get. Every expectation in
// `cases` was produced by gcc 12 (`LC_ALL=C gcc -std=gnu99 -fsyntax-only NAME.c`,
// its "In function" context lines left out); see checkAgainstGcc for how they are
// compared (sema-diag-decls.test.ts has the declaration and statement cases). The
// last group covers where this compiler differs from gcc 12 on purpose.
import { describe, expect, it } from 'vitest';
import { compile, locationLines, type GccCase, checkAgainstGcc } from './sema-helpers.js';

const cases: GccCase[] = [
  {
    name: 'array_assign',
    match: 'text',
    source: `int f(void)
{
  int a[3], b[3];
  a = b;
  return 0;
}`,
    gcc: `array_assign.c:4:5: error: assignment to expression with array type
    4 |   a = b;
      |     ^`,
  },
  {
    name: 'arrow_on_struct',
    match: 'text',
    source: `struct s { int a; };
int f(struct s v)
{
  return v->a;
}`,
    gcc: `arrow_on_struct.c:4:11: error: invalid type argument of '->' (have 'struct s')
    4 |   return v->a;
      |           ^~`,
  },
  {
    name: 'bad_deref',
    match: 'lines',
    source: `int f(int a)
{
  return *a;
}`,
    gcc: `bad_deref.c:3:10: error: invalid type argument of unary '*' (have 'int')`,
  },
  {
    name: 'bad_unary_minus',
    match: 'text',
    source: `struct s { int a; };
int f(struct s v)
{
  return -v;
}`,
    gcc: `bad_unary_minus.c:4:10: error: wrong type argument to unary minus
    4 |   return -v;
      |          ^`,
  },
  {
    name: 'const_sizes',
    match: 'text',
    source: `int f(void)
{
  int big = 1 << 40;
  return big;
}`,
    gcc: `const_sizes.c:3:15: warning: left shift count >= width of type [-Wshift-count-overflow]
    3 |   int big = 1 << 40;
      |               ^~`,
  },
  {
    name: 'div_zero',
    match: 'text',
    source: `int f(int a)
{
  return a / 0;
}`,
    gcc: `div_zero.c:3:12: warning: division by zero [-Wdiv-by-zero]
    3 |   return a / 0;
      |            ^`,
  },
  {
    name: 'incompatible_ptr',
    match: 'text',
    source: `int f(void)
{
  int *ip;
  char *cp = 0;
  ip = cp;
  return *ip;
}`,
    gcc: `incompatible_ptr.c:5:6: warning: assignment to 'int *' from incompatible pointer type 'char *' [-Wincompatible-pointer-types]
    5 |   ip = cp;
      |      ^`,
  },
  {
    name: 'incr_lvalue',
    match: 'text',
    source: `int f(int a)
{
  (a + 1)++;
  return a;
}`,
    gcc: `incr_lvalue.c:3:10: error: lvalue required as increment operand
    3 |   (a + 1)++;
      |          ^~`,
  },
  {
    name: 'int_from_ptr',
    match: 'text',
    source: `int f(char *s)
{
  int n;
  n = s;
  return n;
}`,
    gcc: `int_from_ptr.c:4:5: warning: assignment to 'int' from 'char *' makes integer from pointer without a cast [-Wint-conversion]
    4 |   n = s;
      |     ^`,
  },
  {
    name: 'invalid_plus',
    match: 'text',
    source: `struct pair { int a, b; };
int f(struct pair p)
{
  return p + 1;
}`,
    gcc: `invalid_plus.c:4:12: error: invalid operands to binary + (have 'struct pair' and 'int')
    4 |   return p + 1;
      |            ^`,
  },
  {
    name: 'lvalue_assign',
    match: 'text',
    source: `int f(int a)
{
  a + 1 = 5;
  return a;
}`,
    gcc: `lvalue_assign.c:3:9: error: lvalue required as left operand of assignment
    3 |   a + 1 = 5;
      |         ^`,
  },
  {
    name: 'no_member',
    match: 'text',
    source: `struct point { int x, y; };
int f(struct point p)
{
  return p.z;
}`,
    gcc: `no_member.c:4:11: error: 'struct point' has no member named 'z'
    4 |   return p.z;
      |           ^`,
  },
  {
    name: 'not_function',
    match: 'text',
    source: `int f(void)
{
  int count = 3;
  return count(2);
}`,
    gcc: `not_function.c:4:10: error: called object 'count' is not a function or function pointer
    4 |   return count(2);
      |          ^~~~~
not_function.c:3:7: note: declared here
    3 |   int count = 3;
      |       ^~~~~`,
  },
  {
    name: 'not_struct',
    match: 'text',
    source: `int f(int a)
{
  return a.x;
}`,
    gcc: `not_struct.c:3:11: error: request for member 'x' in something not a structure or union
    3 |   return a.x;
      |           ^`,
  },
  {
    name: 'pass_incompatible',
    match: 'lines',
    source: `int sum(int *v, int n);
int f(void)
{
  char buf[4];
  return sum(buf, 4);
}`,
    gcc: `pass_incompatible.c:5:14: warning: passing argument 1 of 'sum' from incompatible pointer type [-Wincompatible-pointer-types]
pass_incompatible.c:1:14: note: expected 'int *' but argument is of type 'char *'`,
  },
  {
    name: 'ptr_from_int',
    match: 'text',
    source: `int f(void)
{
  int *p = 42;
  return *p;
}`,
    gcc: `ptr_from_int.c:3:12: warning: initialization of 'int *' from 'int' makes pointer from integer without a cast [-Wint-conversion]
    3 |   int *p = 42;
      |            ^~`,
  },
  {
    name: 'sizeof_incomplete',
    match: 'text',
    source: `struct later;
int f(void)
{
  return sizeof(struct later);
}`,
    gcc: `sizeof_incomplete.c:4:17: error: invalid application of 'sizeof' to incomplete type 'struct later'
    4 |   return sizeof(struct later);
      |                 ^~~~~~`,
  },
  {
    name: 'struct_assign',
    match: 'text',
    source: `struct s { int a; };
int f(void)
{
  struct s v;
  int i = 0;
  v = i;
  return 0;
}`,
    gcc: `struct_assign.c:6:7: error: incompatible types when assigning to type 'struct s' from type 'int'
    6 |   v = i;
      |       ^`,
  },
  {
    name: 'subscript',
    match: 'text',
    source: `int f(int n)
{
  return n[0];
}`,
    gcc: `subscript.c:3:11: error: subscripted value is neither array nor pointer nor vector
    3 |   return n[0];
      |           ^`,
  },
  {
    name: 'too_few',
    match: 'text',
    source: `int add(int a, int b);
int f(void)
{
  return add(1);
}`,
    gcc: `too_few.c:4:10: error: too few arguments to function 'add'
    4 |   return add(1);
      |          ^~~
too_few.c:1:5: note: declared here
    1 | int add(int a, int b);
      |     ^~~`,
  },
  {
    name: 'too_many',
    match: 'text',
    source: `int add(int a, int b);
int f(void)
{
  return add(1, 2, 3);
}`,
    gcc: `too_many.c:4:10: error: too many arguments to function 'add'
    4 |   return add(1, 2, 3);
      |          ^~~
too_many.c:1:5: note: declared here
    1 | int add(int a, int b);
      |     ^~~`,
  },
  {
    name: 'unary_amp',
    match: 'text',
    source: `int f(void)
{
  int *p = &42;
  return *p;
}`,
    gcc: `unary_amp.c:3:12: error: lvalue required as unary '&' operand
    3 |   int *p = &42;
      |            ^`,
  },
  {
    name: 'void_not_ignored',
    match: 'text',
    source: `void g(void);
int f(void)
{
  int v = g();
  return v;
}`,
    gcc: `void_not_ignored.c:4:11: error: void value not ignored as it ought to be
    4 |   int v = g();
      |           ^`,
  },
];

describe('expression diagnostics match gcc', () => {
  checkAgainstGcc(cases);
});

describe('diagnostics where this compiler differs from gcc 12 on purpose', () => {
  it('an implicit function declaration is an error, worded as gcc 14 does', () => {
    const { text } = compile('int f(void)\n{\n  return foo(3);\n}\n', 'implicit.c');
    expect(text).toBe(
      "implicit.c:3:10: error: implicit declaration of function 'foo' [-Wimplicit-function-declaration]\n" +
        '    3 |   return foo(3);\n' +
        '      |          ^~~\n',
    );
  });

  it('long long and floating point are rejected', () => {
    expect(locationLines(compile('long long big;\nfloat f;\nint x = 1.5;\n', 'll.c').text)).toEqual([
      'll.c:1:6: error: long long is not supported',
      'll.c:2:1: error: floating-point types are not supported',
      'll.c:3:9: error: floating-point constants are not supported',
    ]);
  });

  it('several semantic errors are reported in one run', () => {
    const source = 'struct p { int x; };\nint f(struct p v, int *q)\n{\n  v.y = 1;\n  q = 5;\n  return undefined_name + v;\n}\n';
    expect(locationLines(compile(source, 'many.c').text)).toEqual([
      "many.c:4:4: error: 'struct p' has no member named 'y'",
      'many.c:5:5: warning: assignment to \'int *\' from \'int\' makes pointer from integer without a cast [-Wint-conversion]',
      "many.c:6:10: error: 'undefined_name' undeclared (first use in this function)",
      'many.c:6:10: note: each undeclared identifier is reported only once for each function it appears in',
    ]);
  });

  it('several syntax errors are reported in one run', () => {
    const source = 'int f(void)\n{\n  int a = (1 + ;\n  a = 2 a = 3;\n  return a\n}\nint g(void) { return 0 }\n';
    expect(locationLines(compile(source, 'syntax.c').text)).toEqual([
      "syntax.c:3:16: error: expected expression before ';' token",
      "syntax.c:4:8: error: expected ';' before 'a'",
      "syntax.c:5:11: error: expected ';' before '}' token",
      "syntax.c:7:23: error: expected ';' before '}' token",
    ]);
  });
});
