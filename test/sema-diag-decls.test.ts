// Malformed declarations and statements and the diagnostics they get, as gcc 12
// prints them (see sema-diagnostics.test.ts for how the expectations were made).
import { describe } from 'vitest';
import { type GccCase, checkAgainstGcc } from './sema-helpers.js';

const cases: GccCase[] = [
  {
    name: 'break_outside',
    match: 'text',
    source: `int f(void)
{
  break;
  return 0;
}`,
    gcc: `break_outside.c:3:3: error: break statement not within loop or switch
    3 |   break;
      |   ^~~~~`,
  },
  {
    name: 'case_outside',
    match: 'text',
    source: `int f(int a)
{
  case 1: return a;
}`,
    gcc: `case_outside.c:3:3: error: case label not within a switch statement
    3 |   case 1: return a;
      |   ^~~~`,
  },
  {
    name: 'conflicting',
    match: 'text',
    source: `char buffer;
int buffer;`,
    gcc: `conflicting.c:2:5: error: conflicting types for 'buffer'; have 'int'
    2 | int buffer;
      |     ^~~~~~
conflicting.c:1:6: note: previous declaration of 'buffer' with type 'char'
    1 | char buffer;
      |      ^~~~~~`,
  },
  {
    name: 'continue_outside',
    match: 'text',
    source: `int f(int a)
{
  switch (a) {
  case 1:
    continue;
  }
  return a;
}`,
    gcc: `continue_outside.c:5:5: error: continue statement not within a loop
    5 |     continue;
      |     ^~~~~~~~`,
  },
  {
    name: 'duplicate_case',
    match: 'text',
    source: `int f(int a)
{
  switch (a) {
  case 1: return 10;
  case 2: return 20;
  case 1: return 30;
  }
  return 0;
}`,
    gcc: `duplicate_case.c:6:3: error: duplicate case value
    6 |   case 1: return 30;
      |   ^~~~
duplicate_case.c:4:3: note: previously used here
    4 |   case 1: return 10;
      |   ^~~~`,
  },
  {
    name: 'duplicate_member',
    match: 'text',
    source: `struct s {
  int a;
  char a;
};`,
    gcc: `duplicate_member.c:3:8: error: duplicate member 'a'
    3 |   char a;
      |        ^`,
  },
  {
    name: 'enum_redeclared',
    match: 'text',
    source: `enum color { RED, GREEN, RED };`,
    gcc: `enum_redeclared.c:1:26: error: redeclaration of enumerator 'RED'
    1 | enum color { RED, GREEN, RED };
      |                          ^~~
enum_redeclared.c:1:14: note: previous definition of 'RED' with type 'int'
    1 | enum color { RED, GREEN, RED };
      |              ^~~`,
  },
  {
    name: 'excess_init',
    match: 'lines',
    source: `int primes[3] = { 2, 3, 5, 7 };`,
    gcc: `excess_init.c:1:28: warning: excess elements in array initializer
excess_init.c:1:28: note: (near initialization for 'primes')`,
  },
  {
    name: 'func_redefinition',
    match: 'text',
    source: `int twice(int x) { return 2 * x; }
int twice(int x) { return x + x; }`,
    gcc: `func_redefinition.c:2:5: error: redefinition of 'twice'
    2 | int twice(int x) { return x + x; }
      |     ^~~~~
func_redefinition.c:1:5: note: previous definition of 'twice' with type 'int(int)'
    1 | int twice(int x) { return 2 * x; }
      |     ^~~~~`,
  },
  {
    name: 'multiple_storage',
    match: 'text',
    source: `static extern int x;`,
    gcc: `multiple_storage.c:1:1: error: multiple storage classes in declaration specifiers
    1 | static extern int x;
      | ^~~~~~`,
  },
  {
    name: 'not_constant',
    match: 'text',
    source: `int seed(void);
int x = seed();`,
    gcc: `not_constant.c:2:9: error: initializer element is not constant
    2 | int x = seed();
      |         ^~~~`,
  },
  {
    name: 'param_redefinition',
    match: 'lines',
    source: `int f(int a, int a)
{
  return a;
}`,
    gcc: `param_redefinition.c:1:18: error: redefinition of parameter 'a'
param_redefinition.c:1:11: note: previous definition of 'a' with type 'int'`,
  },
  {
    name: 'redeclaration_local',
    match: 'text',
    source: `int f(void)
{
  int x = 1;
  int x = 2;
  return x;
}`,
    gcc: `redeclaration_local.c:4:7: error: redefinition of 'x'
    4 |   int x = 2;
      |       ^
redeclaration_local.c:3:7: note: previous definition of 'x' with type 'int'
    3 |   int x = 1;
      |       ^`,
  },
  {
    name: 'redefinition',
    match: 'text',
    source: `int counter = 0;
int counter = 1;`,
    gcc: `redefinition.c:2:5: error: redefinition of 'counter'
    2 | int counter = 1;
      |     ^~~~~~~
redefinition.c:1:5: note: previous definition of 'counter' with type 'int'
    1 | int counter = 0;
      |     ^~~~~~~`,
  },
  {
    name: 'return_no_value',
    match: 'text',
    source: `int f(int a)
{
  if (a)
    return;
  return 1;
}`,
    gcc: `return_no_value.c:4:5: warning: 'return' with no value, in function returning non-void
    4 |     return;
      |     ^~~~~~
return_no_value.c:1:5: note: declared here
    1 | int f(int a)
      |     ^`,
  },
  {
    name: 'storage_unknown',
    match: 'text',
    source: `int f(void)
{
  struct missing m;
  return 0;
}`,
    gcc: `storage_unknown.c:3:18: error: storage size of 'm' isn't known
    3 |   struct missing m;
      |                  ^`,
  },
  {
    name: 'two_defaults',
    match: 'text',
    source: `int f(int a)
{
  switch (a) {
  default: return 1;
  default: return 2;
  }
}`,
    gcc: `two_defaults.c:5:3: error: multiple default labels in one switch
    5 |   default: return 2;
      |   ^~~~~~~
two_defaults.c:4:3: note: this is the first default label
    4 |   default: return 1;
      |   ^~~~~~~`,
  },
  {
    name: 'two_types',
    match: 'text',
    source: `int char c;`,
    gcc: `two_types.c:1:5: error: two or more data types in declaration specifiers
    1 | int char c;
      |     ^~~~`,
  },
  {
    name: 'undefined_label',
    match: 'text',
    source: `int f(int a)
{
  if (a)
    goto done;
  return 1;
}`,
    gcc: `undefined_label.c:4:5: error: label 'done' used but not defined
    4 |     goto done;
      |     ^~~~`,
  },
  {
    name: 'void_return_value',
    match: 'text',
    source: `void f(int a)
{
  return a;
}`,
    gcc: `void_return_value.c:3:10: warning: 'return' with a value, in function returning void
    3 |   return a;
      |          ^
void_return_value.c:1:6: note: declared here
    1 | void f(int a)
      |      ^`,
  },
  {
    name: 'unknown_type',
    match: 'text',
    source: `int f(void)
{
  pid_t child = 0;
  return child;
}`,
    gcc: `unknown_type.c:3:3: error: unknown type name 'pid_t'
    3 |   pid_t child = 0;
      |   ^~~~~`,
  },
  {
    name: 'unknown_param_type',
    match: 'text',
    source: `int wait_for(pid_t pid, int *status);`,
    gcc: `unknown_param_type.c:1:14: error: unknown type name 'pid_t'
    1 | int wait_for(pid_t pid, int *status);
      |              ^~~~~`,
  },
];

describe('declaration and statement diagnostics match gcc', () => {
  checkAgainstGcc(cases);
});
