/* Chevrotain token types for C: keywords, identifiers, constants, string and
 * character literals, punctuators, and the layout tokens (whitespace, comments,
 * newlines) the preprocessor needs to see line structure and `NAME(` versus
 * `NAME (`. The lexer never fails: characters that start no C token become a
 * `Stray`, malformed numbers a `PPNumber`, an unclosed quote an
 * `UnterminatedLiteral`; the preprocessor reports them only if they survive into
 * the program (text in `#if 0` or under `#` may hold anything).
 *
 * Categories: every keyword also has the category `Keyword` (the preprocessor
 * treats keywords as identifiers: `#define inline`), and every assignment
 * operator the category `AssignmentOperator`. The parser sees no layout tokens. */
import { createToken, Lexer, type TokenType, type CustomPatternMatcherFunc } from './chevrotain.js';

// ---- layout -------------------------------------------------------------
export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\f\v\r]+/ });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, line_breaks: true });
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  line_breaks: true,
});
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n]*/ });

/** True for tokens that are only layout: they separate tokens and never reach the parser. */
export function isLayoutType(type: TokenType): boolean {
  return type === Whitespace || type === BlockComment || type === LineComment || type === Newline;
}

// ---- identifiers and keywords -------------------------------------------
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_$][A-Za-z0-9_$]*/ });

/** Abstract category shared by every keyword token. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

function keyword(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, longer_alt: Identifier, categories: [Keyword] });
}

export const Auto = keyword('Auto', /auto/);
export const Break = keyword('Break', /break/);
export const Case = keyword('Case', /case/);
export const Char = keyword('Char', /char/);
export const Const = keyword('Const', /const|__const__|__const/);
export const Continue = keyword('Continue', /continue/);
export const Default = keyword('Default', /default/);
export const Do = keyword('Do', /do/);
export const Double = keyword('Double', /double/);
export const Else = keyword('Else', /else/);
export const Enum = keyword('Enum', /enum/);
export const Extern = keyword('Extern', /extern/);
export const Float = keyword('Float', /float/);
export const For = keyword('For', /for/);
export const Goto = keyword('Goto', /goto/);
export const If = keyword('If', /if/);
export const Inline = keyword('Inline', /inline|__inline__|__inline/);
export const Int = keyword('Int', /int/);
export const Long = keyword('Long', /long/);
export const Register = keyword('Register', /register/);
export const Restrict = keyword('Restrict', /restrict|__restrict__|__restrict/);
export const Return = keyword('Return', /return/);
export const Short = keyword('Short', /short/);
export const Signed = keyword('Signed', /signed|__signed__|__signed/);
export const Sizeof = keyword('Sizeof', /sizeof/);
export const Static = keyword('Static', /static/);
export const Struct = keyword('Struct', /struct/);
export const Switch = keyword('Switch', /switch/);
export const Typedef = keyword('Typedef', /typedef/);
export const Union = keyword('Union', /union/);
export const Unsigned = keyword('Unsigned', /unsigned/);
export const Void = keyword('Void', /void/);
export const Volatile = keyword('Volatile', /volatile|__volatile__|__volatile/);
export const While = keyword('While', /while/);
export const Bool = keyword('Bool', /_Bool/);
export const Complex = keyword('Complex', /_Complex/);
export const Imaginary = keyword('Imaginary', /_Imaginary/);
/** gcc's `__attribute__((...))`, accepted so that Linux-style code parses. */
export const Attribute = keyword('Attribute', /__attribute__|__attribute/);

/** In lexer order: `Double` before its prefix `Do`. */
const keywords: TokenType[] = [
  Auto, Break, Case, Char, Const, Continue, Default, Double, Do, Else, Enum, Extern, Float, For,
  Goto, If, Inline, Int, Long, Register, Restrict, Return, Short, Signed, Sizeof, Static, Struct,
  Switch, Typedef, Union, Unsigned, Void, Volatile, While, Bool, Complex, Imaginary, Attribute,
];

// ---- numbers --------------------------------------------------------------
// A C "preprocessing number" is scanned whole and then classified, so that
// `0x1g`, `08` or `12abc` become one bad token instead of two good ones.
const ppNumberRe = /\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*/y;
const integerRe = /^(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)(?:[uU](?:ll|LL|[lL])?|(?:ll|LL|[lL])[uU]?)?$/;
const floatRe =
  /^(?:(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[0-9]+[eE][+-]?[0-9]+)[fFlL]?$/;

type NumberKind = 'integer' | 'float' | 'bad';

/** Classifies the text of a preprocessing number. */
export function classifyNumber(text: string): NumberKind {
  if (integerRe.test(text)) return 'integer';
  if (floatRe.test(text)) return 'float';
  return 'bad';
}

function numberMatcher(kind: NumberKind): CustomPatternMatcherFunc {
  return (text, offset) => {
    ppNumberRe.lastIndex = offset;
    const match = ppNumberRe.exec(text);
    if (match === null || classifyNumber(match[0]) !== kind) return null;
    return match;
  };
}

const digitsAndDot = '0123456789.'.split('');
export const IntegerLiteral = createToken({
  name: 'IntegerLiteral',
  pattern: numberMatcher('integer'),
  start_chars_hint: digitsAndDot,
  line_breaks: false,
});
export const FloatLiteral = createToken({
  name: 'FloatLiteral',
  pattern: numberMatcher('float'),
  start_chars_hint: digitsAndDot,
  line_breaks: false,
});
/** A preprocessing number that is no valid C constant (`08`, `1abc`). */
export const PPNumber = createToken({
  name: 'PPNumber',
  pattern: numberMatcher('bad'),
  start_chars_hint: digitsAndDot,
  line_breaks: false,
});

// ---- character and string literals -----------------------------------------
// An `L` prefix makes a wide literal (wchar_t is int); it is part of the token's image.
export const CharLiteral = createToken({ name: 'CharLiteral', pattern: /L?'(?:[^'\\\n]|\\[^\n])*'/ });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /L?"(?:[^"\\\n]|\\[^\n])*"/ });
/** A quote with no closing partner on its line; gcc makes the rest of the line one token. */
export const UnterminatedLiteral = createToken({ name: 'UnterminatedLiteral', pattern: /['"][^\n]*/ });

// ---- punctuators ------------------------------------------------------------
/** Abstract category shared by `=` and the compound assignment operators. */
export const AssignmentOperator = createToken({ name: 'AssignmentOperator', pattern: Lexer.NA });

function punct(name: string, pattern: RegExp, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern, categories });
}
function assignOp(name: string, pattern: RegExp): TokenType {
  return punct(name, pattern, [AssignmentOperator]);
}

export const Ellipsis = punct('Ellipsis', /\.\.\./);
export const ShiftLeftAssign = assignOp('ShiftLeftAssign', /<<=/);
export const ShiftRightAssign = assignOp('ShiftRightAssign', />>=/);
export const HashHash = punct('HashHash', /##|%:%:/);
export const Arrow = punct('Arrow', /->/);
export const PlusPlus = punct('PlusPlus', /\+\+/);
export const MinusMinus = punct('MinusMinus', /--/);
export const ShiftLeft = punct('ShiftLeft', /<</);
export const ShiftRight = punct('ShiftRight', />>/);
export const LessEqual = punct('LessEqual', /<=/);
export const GreaterEqual = punct('GreaterEqual', />=/);
export const EqualEqual = punct('EqualEqual', /==/);
export const NotEqual = punct('NotEqual', /!=/);
export const AmpAmp = punct('AmpAmp', /&&/);
export const PipePipe = punct('PipePipe', /\|\|/);
export const StarAssign = assignOp('StarAssign', /\*=/);
export const SlashAssign = assignOp('SlashAssign', /\/=/);
export const PercentAssign = assignOp('PercentAssign', /%=/);
export const PlusAssign = assignOp('PlusAssign', /\+=/);
export const MinusAssign = assignOp('MinusAssign', /-=/);
export const AmpAssign = assignOp('AmpAssign', /&=/);
export const CaretAssign = assignOp('CaretAssign', /\^=/);
export const PipeAssign = assignOp('PipeAssign', /\|=/);
export const LBracket = punct('LBracket', /\[|<:/);
export const RBracket = punct('RBracket', /\]|:>/);
export const LBrace = punct('LBrace', /\{|<%/);
export const RBrace = punct('RBrace', /\}|%>/);
export const Hash = punct('Hash', /#|%:/);
export const LParen = punct('LParen', /\(/);
export const RParen = punct('RParen', /\)/);
export const Dot = punct('Dot', /\./);
export const Amp = punct('Amp', /&/);
export const Star = punct('Star', /\*/);
export const Plus = punct('Plus', /\+/);
export const Minus = punct('Minus', /-/);
export const Tilde = punct('Tilde', /~/);
export const Bang = punct('Bang', /!/);
export const Slash = punct('Slash', /\//);
export const Percent = punct('Percent', /%/);
export const Less = punct('Less', /</);
export const Greater = punct('Greater', />/);
export const Caret = punct('Caret', /\^/);
export const Pipe = punct('Pipe', /\|/);
export const Question = punct('Question', /\?/);
export const Colon = punct('Colon', /:/);
export const Semicolon = punct('Semicolon', /;/);
export const Assign = assignOp('Assign', /=/);
export const Comma = punct('Comma', /,/);

/** Any other character (`@`, a backquote, a stray backslash, non-ASCII bytes). */
export const Stray = createToken({ name: 'Stray', pattern: /[\u0000-\uffff]/, line_breaks: true });

/** Every token type in lexer order: longer patterns before their prefixes. */
export const allTokens: TokenType[] = [
  Newline, Whitespace, BlockComment, UnterminatedComment, LineComment,
  FloatLiteral, IntegerLiteral, PPNumber,
  CharLiteral, StringLiteral, UnterminatedLiteral,
  Keyword, ...keywords, Identifier,
  AssignmentOperator,
  Ellipsis, ShiftLeftAssign, ShiftRightAssign, HashHash,
  Arrow, PlusPlus, MinusMinus, ShiftLeft, ShiftRight, LessEqual, GreaterEqual, EqualEqual, NotEqual,
  AmpAmp, PipePipe, StarAssign, SlashAssign, PercentAssign, PlusAssign, MinusAssign, AmpAssign,
  CaretAssign, PipeAssign,
  LBracket, RBracket, LBrace, RBrace, Hash,
  LParen, RParen, Dot, Amp, Star, Plus, Minus, Tilde, Bang, Slash, Percent, Less, Greater, Caret,
  Pipe, Question, Colon, Semicolon, Assign, Comma,
  Stray,
];

