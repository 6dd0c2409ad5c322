/* Macro expansion, checked against what `gcc -E -P -undef` printed for the same input. */
import { describe, expect, test } from 'vitest';
import { expand, spaced } from './pp-helpers.js';

describe('the C standard examples (6.10.3.5), our own copies', () => {
  test('example 3: rescanning, hide sets, # and ##', () => {
    const source = `
#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };`;
    expect(expand(source)).toBe(spaced(`
f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2 +(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };`));
  });

  test('example 4: stringizing escapes, xstr, glue and xglue', () => {
    const source = `
#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\\0d", "abc", '\\4') // this goes away
 == 0) str(: @\\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)`;
    expect(expand(source)).toBe(spaced(String.raw`
printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
"vers2.h"
"hello";
"hello" ", world"`));
  });

  test('example 5: placemarkers for empty arguments of ##', () => {
    const source = `
#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };`;
    expect(expand(source)).toBe(spaced('int j[] = { 123, 45, 67, 89, 10, 11, 12, };'));
  });

  test('example 6: redefinitions that differ only in white space are no redefinitions', () => {
    const source = `
#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \\
 a /* other stuff on this line
 */ )
OBJ_LIKE FUNC_LIKE(2)`;
    expect(expand(source)).toBe('( 1 - 1 ) ( 2 )');
  });

  test('example 7: variable arguments', () => {
    const source = `
#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);`;
    expect(expand(source)).toBe(spaced(String.raw`
fprintf(stderr, "Flag");
fprintf(stderr, "X = %d\n", x);
puts("The first, second, and third items.");
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));`));
  });

  test('the hash_hash example of 6.10.3.3: a ## made by pasting is no operator', () => {
    const source = `
#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
char p[] = join(x, y);`;
    expect(expand(source)).toBe('char p [ ] = "x ## y" ;');
  });
});

describe('corner cases', () => {
  test('empty arguments, a function-like name without (, and ( on the next line', () => {
    const source = `
#define EMPTY
#define f(x) [x]
#define g(x, y) <x|y>
f() f( ) g(,) g( , 2) EMPTY f EMPTY (1) f
(2)`;
    expect(expand(source)).toBe(spaced('[] [] <|> <|2> f (1) [2]'));
  });

  test('# spells arguments with single spaces and escapes literals; arguments of # are not expanded', () => {
    const source = `
#define EMPTY
#define f(x) [x]
#define str(x) #x
#define xstr(x) str(x)
str(f EMPTY (1)) xstr(f EMPTY (1)) str( a  +  b ) str("\\n" '\\'') str() str(/* c */ x /* d */ y)`;
    expect(expand(source)).toBe(spaced(String.raw`"f EMPTY (1)" "f (1)" "a + b" "\"\\n\" '\\''" "" "x y"`));
  });

  test('## with empty operands, nested pastes, and a pasted name that then expands', () => {
    const source = `
#define EMPTY
#define cat(a, b) a ## b
#define xcat(a, b) cat(a, b)
cat(x, y) cat(x, ) cat(, y) cat(, ) xcat(xcat(1, 2), 3) cat(EMPTY, 1) cat(__LI, NE__)`;
    expect(expand(source)).toBe(spaced('xy x y 123 EMPTY1 5'));
  });

  test('pasting punctuators makes the longer punctuator', () => {
    const source = '#define cat(a,b) a##b\ncat(+,+) cat(-,=) cat(<<,=) cat(-,>) cat(0x,1f) cat(L, x)';
    expect(expand(source).split(' ')).toEqual(['++', '-=', '<<=', '->', '0x1f', 'Lx']);
  });

  test('variadic macros: empty, one and several arguments; gcc named variadics; , ## __VA_ARGS__', () => {
    const source = `
#define var(...) __VA_ARGS__ | #__VA_ARGS__
#define var2(a, ...) a : __VA_ARGS__
#define named(fmt, args...) f(fmt, args)
#define eprintf(fmt, ...) fprintf(stderr, fmt, ##__VA_ARGS__)
var() var(1) var(1, 2,  3) var2(1) var2(1, 2, (3, 4)) named("x", 1, 2) eprintf("a"); eprintf("a", 1, 2);`;
    expect(expand(source)).toBe(spaced(`| "" 1 | "1" 1, 2, 3 | "1, 2, 3" 1 : 1 : 2, (3, 4) f("x", 1, 2)
      fprintf(stderr, "a"); fprintf(stderr, "a", 1, 2);`));
  });

  test('arguments are expanded before substitution, each call separately', () => {
    const source = `
#define f(x) [x]
#define g(x, y) <x|y>
#define nest(x) f(x) g(x, x)
#define apply(m, x) m(x)
#define str(x) #x
#define EMPTY
nest(f(1)) apply(f, 3) apply(str, EMPTY) apply(nest, 5)`;
    expect(expand(source)).toBe(spaced('[[1]] <[1]|[1]> [3] "" [5] <5|5>'));
  });

  test('recursion stops: self-reference, mutual reference, and f(f(x)) expanding both', () => {
    const source = `
#define self self + 1
#define a b
#define b a
#define fn(x) fn(x) + 1
#define obj (obj + 1)
self a b fn(fn(2)) obj`;
    expect(expand(source)).toBe(spaced('self + 1 a b fn(fn(2) + 1) + 1 (obj + 1)'));
  });

  test('rescanning picks up the ( after an expansion, and tokens made by arguments', () => {
    const source = `
#define NIL(x) x
#define G_0(arg) NIL(G_1)(arg)
#define G_1(arg) NIL(arg)
#define f(a) a*g
#define g(a) f(a)
#define lparen (
#define call(f) f lparen 1)
#define LPAREN (
#define RPAREN )
#define F(x, y) x + y
#define ELLIP_FUNC(...) __VA_ARGS__
G_0(42) f(2)(9) call(NIL) ELLIP_FUNC(F, LPAREN, 'a', 'b', RPAREN);`;
    expect(expand(source)).toBe(spaced("42 2*9*g NIL ( 1) F, (, 'a', 'b', );"));
  });

  test('keywords can be macro names and parameters', () => {
    expect(expand('#define inline\n#define const(int) int + 1\ninline const(2)')).toBe('2 + 1');
  });

  test('a macro call may span lines and hold conditional directives', () => {
    const source = '#define F(a,b) a-b\nF(1,\n#ifdef F\n2\n#else\n3\n#endif\n)';
    expect(expand(source)).toBe('1 - 2');
  });

  test('an argument list may continue after an object-like expansion ends', () => {
    expect(expand('#define f(x) <x>\n#define g f\ng(1) g (2)')).toBe('< 1 > < 2 >');
  });

  test('commas inside parentheses do not split arguments; brackets and braces do', () => {
    const source = '#define two(a, b) a | b\ntwo((1, 2), 3) two([1, 2]) two({1, 2})';
    expect(expand(source)).toBe('( 1 , 2 ) | 3 [ 1 | 2 ] { 1 | 2 }');
    expect(() => expand('#define two(a, b) a | b\ntwo((1, 2), 3, 4)')).toThrow(
      'macro "two" passed 3 arguments, but takes just 2',
    );
  });
});
