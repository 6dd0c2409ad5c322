// Grammar rules for statements and compound statements.
//
// Error recovery is ours, not chevrotain's: a block item that fails is dropped,
// the tokens up to the next `;` (or past the braces it opened) are skipped, and
// parsing goes on, so one run reports several errors. A token that cannot start
// any block item (`)`, `else`, ...) is reported the way gcc does and skipped.

import type { TokenType } from './chevrotain.js';
import { DeclarationParser } from './parse-declarations.js';
import type { SynExpr, SynStmt } from './parse-tree.js';
import * as T from './tokens.js';

/** Tokens that can start a block item, or end a block. */
const blockItemStarters = new Set<TokenType>([
  T.Identifier, T.IntegerLiteral, T.FloatLiteral, T.PPNumber, T.CharLiteral, T.StringLiteral,
  T.LParen, T.LBrace, T.RBrace, T.Semicolon, T.Amp, T.Star, T.Plus, T.Minus, T.Tilde, T.Bang,
  T.PlusPlus, T.MinusMinus, T.Sizeof,
  T.If, T.Else, T.Switch, T.While, T.Do, T.For, T.Goto, T.Continue, T.Break, T.Return, T.Case, T.Default,
  T.Typedef, T.Extern, T.Static, T.Auto, T.Register, T.Inline, T.Void, T.Char, T.Short, T.Int, T.Long,
  T.Float, T.Double, T.Signed, T.Unsigned, T.Bool, T.Complex, T.Imaginary, T.Struct, T.Union, T.Enum,
  T.Const, T.Volatile, T.Restrict, T.Attribute,
]);

/** Tokens that cannot start a block item (`else` is reported on its own). */
export const strayInBlock = T.allTokens.filter(
  (t) => !blockItemStarters.has(t) && t !== T.Keyword && t !== T.AssignmentOperator && t !== T.Else,
);

export abstract class StatementParser extends DeclarationParser {
  private readonly strayInBlockAlts = strayInBlock.map((type) => ({ ALT: () => this.CONSUME(type) }));

  // compound-statement: '{' (block-item | stray-token)* '}'
  // (a function body also declares the parameters' names)
  protected compoundStatement = this.RULE('compoundStatement', (params: string[]) => {
    const open = this.CONSUME(T.LBrace);
    this.ACTION(() => {
      this.pushScope();
      for (const name of params ?? []) this.declareName(name, false);
    });
    const items: SynStmt[] = [];
    this.MANY(() =>
      this.OR({
        MAX_LOOKAHEAD: 1,
        DEF: [
          {
            ALT: () => {
              const item = this.recovering(false, () => this.SUBRULE(this.blockItem));
              this.ACTION(() => item !== undefined && items.push(item));
            },
          },
          {
            ALT: () => {
              this.ACTION(() => this.reportAtNext('expected statement'));
              this.OR2(this.strayInBlockAlts);
            },
          },
          {
            ALT: () => {
              const elseToken = this.CONSUME(T.Else);
              this.ACTION(() => this.grammarErrors.push({ token: elseToken, message: "'else' without a previous 'if'" }));
            },
          },
        ],
      }),
    );
    const close = this.CONSUME(T.RBrace, { ERR_MSG: 'expected declaration or statement' });
    this.ACTION(() => this.popScope());
    return this.ACTION(() => ({ kind: 'block' as const, items, at: this.at(open), end: this.at(close) }));
  });

  // block-item: declaration | statement
  private blockItem = this.RULE('blockItem', (): SynStmt =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.startsDeclaration(),
          ALT: (): SynStmt => {
            const decl = this.SUBRULE(this.declaration);
            return this.ACTION(() => ({ kind: 'decl', decl, at: decl.specs.start }));
          },
        },
        { ALT: () => this.SUBRULE(this.statement) },
      ],
    }),
  );

  // statement: labeled | case | default | compound | if | switch | while | do | for
  //   | goto | continue | break | return | expression? ';'
  private statement = this.RULE('statement', (): SynStmt =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.LA(2).tokenType === T.Colon,
          ALT: () => {
            const name = this.CONSUME(T.Identifier);
            this.CONSUME(T.Colon);
            const body = this.SUBRULE(this.statement);
            return this.ACTION((): SynStmt => ({ kind: 'label', name: name.image, body, at: this.at(name) }));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Case);
            const value = this.SUBRULE(this.conditionalExpression);
            this.CONSUME2(T.Colon);
            const body = this.SUBRULE2(this.statement);
            return this.ACTION((): SynStmt => ({ kind: 'case', value, body, at: this.at(keyword) }));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(T.Default);
            this.CONSUME3(T.Colon);
            const body = this.SUBRULE3(this.statement);
            return this.ACTION((): SynStmt => ({ kind: 'default', body, at: this.at(keyword) }));
          },
        },
        { ALT: () => this.SUBRULE(this.compoundStatement, { ARGS: [[]] }) },
        { ALT: () => this.SUBRULE(this.ifStatement) },
        { ALT: () => this.SUBRULE(this.loopStatement) },
        { ALT: () => this.SUBRULE(this.jumpStatement) },
        {
          ALT: () => {
            let expr: SynExpr | undefined;
            const start = this.ACTION(() => this.nextAt());
            this.OPTION(() => (expr = this.SUBRULE(this.expression)));
            this.CONSUME(T.Semicolon);
            return this.ACTION((): SynStmt =>
              expr === undefined ? { kind: 'empty', at: start } : { kind: 'expr', expr, at: expr.start },
            );
          },
        },
      ],
    }),
  );

  // if-statement: 'if' '(' expression ')' statement ('else' statement)?
  // switch-statement: 'switch' '(' expression ')' statement
  private ifStatement = this.RULE('ifStatement', (): SynStmt => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(T.If) }, { ALT: () => this.CONSUME(T.Switch) }]);
    const cond = this.SUBRULE(this.parenthesized);
    const then = this.SUBRULE(this.statement);
    let otherwise: SynStmt | undefined;
    this.OPTION({
      GATE: () => keyword.tokenType === T.If,
      DEF: () => {
        this.CONSUME(T.Else);
        otherwise = this.SUBRULE2(this.statement);
      },
    });
    return this.ACTION((): SynStmt => {
      const at = this.at(keyword);
      return keyword.tokenType === T.If
        ? { kind: 'if', cond, then, else: otherwise, at }
        : { kind: 'switch', cond, body: then, at };
    });
  });

  // parenthesized: '(' expression ')'
  private parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(T.LParen);
    const expr = this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    return expr;
  });

  // loop: 'while' '(' expression ')' statement | 'do' statement 'while' '(' expression ')' ';'
  //   | for-statement
  private loopStatement = this.RULE('loopStatement', (): SynStmt =>
    this.OR([
      {
        ALT: () => {
          const keyword = this.CONSUME(T.While);
          const cond = this.SUBRULE(this.parenthesized);
          const body = this.SUBRULE(this.statement);
          return this.ACTION((): SynStmt => ({ kind: 'while', cond, body, at: this.at(keyword) }));
        },
      },
      {
        ALT: () => {
          const keyword = this.CONSUME(T.Do);
          const body = this.SUBRULE2(this.statement);
          this.CONSUME2(T.While);
          const cond = this.SUBRULE2(this.parenthesized);
          this.CONSUME(T.Semicolon);
          return this.ACTION((): SynStmt => ({ kind: 'dowhile', body, cond, at: this.at(keyword) }));
        },
      },
      { ALT: () => this.SUBRULE(this.forStatement) },
    ]),
  );

  // for-statement: 'for' '(' (declaration | expression? ';') expression? ';' expression? ')' statement
  private forStatement = this.RULE('forStatement', (): SynStmt => {
    const keyword = this.CONSUME(T.For);
    this.CONSUME(T.LParen);
    this.ACTION(() => this.pushScope());
    let init: SynStmt | undefined;
    let cond: SynExpr | undefined;
    let step: SynExpr | undefined;
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.startsDeclaration(),
          ALT: () => {
            const decl = this.SUBRULE(this.declaration);
            this.ACTION(() => (init = { kind: 'decl', decl, at: decl.specs.start }));
          },
        },
        {
          ALT: () => {
            this.OPTION(() => {
              const expr = this.SUBRULE(this.expression);
              this.ACTION(() => (init = { kind: 'expr', expr, at: expr.start }));
            });
            this.CONSUME(T.Semicolon);
          },
        },
      ],
    });
    this.OPTION2(() => (cond = this.SUBRULE2(this.expression)));
    this.CONSUME2(T.Semicolon);
    this.OPTION3(() => (step = this.SUBRULE3(this.expression)));
    this.CONSUME(T.RParen);
    const body = this.SUBRULE(this.statement);
    this.ACTION(() => this.popScope());
    return this.ACTION((): SynStmt => ({ kind: 'for', init, cond, step, body, at: this.at(keyword) }));
  });

  // jump: 'goto' identifier ';' | 'continue' ';' | 'break' ';' | 'return' expression? ';'
  private jumpStatement = this.RULE('jumpStatement', (): SynStmt => {
    let result: SynStmt | undefined;
    this.OR([
      {
        ALT: () => {
          const keyword = this.CONSUME(T.Goto);
          const label = this.CONSUME(T.Identifier);
          this.ACTION(() => (result = { kind: 'goto', label: label.image, at: this.at(keyword) }));
        },
      },
      {
        ALT: () => {
          const keyword = this.CONSUME(T.Continue);
          this.ACTION(() => (result = { kind: 'continue', at: this.at(keyword) }));
        },
      },
      {
        ALT: () => {
          const keyword = this.CONSUME(T.Break);
          this.ACTION(() => (result = { kind: 'break', at: this.at(keyword) }));
        },
      },
      {
        ALT: () => {
          const keyword = this.CONSUME(T.Return);
          let value: SynExpr | undefined;
          this.OPTION(() => (value = this.SUBRULE(this.expression)));
          this.ACTION(() => (result = { kind: 'return', value, at: this.at(keyword) }));
        },
      },
    ]);
    this.CONSUME(T.Semicolon);
    return result as SynStmt;
  });
}
