// Syntax error messages in gcc's words. The grammar's message provider phrases
// what was expected ("expected ';'"); parser.ts adds what was found instead
// (" before '}' token", " at end of input") and picks the place gcc reports it at:
// a missing closing token is reported just after the token before it, anything
// else at the offending token.

import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from './chevrotain.js';
import * as T from './tokens.js';

/** How gcc names a token in "expected X before Y". */
export function describeToken(token: IToken): string {
  const type = token.tokenType;
  if (type === EOF) return 'at end of input';
  if (type === T.Identifier || isKeyword(type)) return `before '${token.image}'`;
  if (type === T.IntegerLiteral || type === T.FloatLiteral || type === T.PPNumber) return 'before numeric constant';
  if (type === T.CharLiteral) return 'before character constant';
  if (type === T.StringLiteral) return 'before string constant';
  return `before '${token.image}' token`;
}

function isKeyword(type: TokenType): boolean {
  return (type.CATEGORIES ?? []).includes(T.Keyword);
}

const spelled = new Map<TokenType, string>([
  [T.Identifier, 'identifier'],
  [T.Semicolon, "';'"],
  [T.Comma, "','"],
  [T.Colon, "':'"],
  [T.LParen, "'('"],
  [T.RParen, "')'"],
  [T.LBracket, "'['"],
  [T.RBracket, "']'"],
  [T.LBrace, "'{'"],
  [T.RBrace, "'}'"],
  [T.Assign, "'='"],
  [T.While, "'while'"],
]);

/** Missing tokens gcc reports right after the previous token rather than at the next one. */
export const missingClosingMessages = new Set(["expected ';'", "expected ')'", "expected ']'"]);

/** Rule names in which no alternative matched, mapped to what gcc says was expected. */
const expectedInRule: Record<string, string> = {
  primaryExpression: 'expected expression',
  directDeclarator: "expected identifier or '('",
  structSpecifier: "expected '{'",
  enumSpecifier: "expected '{'",
  designator: "expected '[' or '.'",
  externalDeclaration: "expected identifier or '('",
};

export const syntaxErrorProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected }) {
    return `expected ${spelled.get(expected) ?? `'${expected.name}'`}`;
  },
  buildNotAllInputParsedMessage() {
    return "expected identifier or '('";
  },
  buildNoViableAltMessage({ ruleName, customUserDescription }) {
    return customUserDescription ?? expectedInRule[ruleName] ?? 'expected expression';
  },
  buildEarlyExitMessage({ ruleName, customUserDescription }) {
    return customUserDescription ?? expectedInRule[ruleName] ?? 'expected expression';
  },
};
