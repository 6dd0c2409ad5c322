// Grammar rules for C expressions. Binary operators are parsed as a flat list of
// operands and operators and folded by precedence climbing in an action, which
// keeps the grammar shallow (one rule instead of ten levels). A `(` starts a cast
// and `sizeof (` a type operand when the token after it starts a type name — a
// keyword or a name the typedef table knows.

import type { IToken } from './chevrotain.js';
import { ParserBase } from './parse-base.js';
import type { SynAssignOp, SynBinaryOp, SynExpr, SynUnaryOp } from './parse-tree.js';
import * as T from './tokens.js';

const precedence: Record<SynBinaryOp, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8,
  '+': 9, '-': 9,
  '*': 10, '/': 10, '%': 10,
};

const binaryOperatorTokens = [
  T.Star, T.Slash, T.Percent, T.Plus, T.Minus, T.ShiftLeft, T.ShiftRight, T.LessEqual, T.GreaterEqual,
  T.Less, T.Greater, T.EqualEqual, T.NotEqual, T.Amp, T.Caret, T.Pipe, T.AmpAmp, T.PipePipe,
];
const unaryOperatorTokens = [T.Amp, T.Star, T.Plus, T.Minus, T.Tilde, T.Bang];

export abstract class ExpressionParser extends ParserBase {
  private readonly binaryOperatorAlts = binaryOperatorTokens.map((type) => ({ ALT: () => this.CONSUME(type) }));
  private readonly unaryOperatorAlts = unaryOperatorTokens.map((type) => ({ ALT: () => this.CONSUME(type) }));

  /** Folds `e0 op1 e1 op2 e2 ...` into a tree by operator precedence (all left-associative). */
  private climb(operands: SynExpr[], operators: IToken[]): SynExpr {
    let next = 0;
    const parse = (minPrec: number): SynExpr => {
      let lhs = operands[next];
      while (next < operators.length && precedence[operators[next].image as SynBinaryOp] >= minPrec) {
        const opToken = operators[next];
        const op = opToken.image as SynBinaryOp;
        next++;
        const rhs = parse(precedence[op] + 1);
        lhs = { kind: 'binary', op, lhs, rhs, at: this.at(opToken), start: lhs.start };
      }
      return lhs;
    };
    return parse(1);
  }

  // expression: assignment-expression (',' assignment-expression)*
  protected expression = this.RULE('expression', () => {
    let result = this.SUBRULE(this.assignmentExpression);
    this.MANY(() => {
      const comma = this.CONSUME(T.Comma);
      const rhs = this.SUBRULE2(this.assignmentExpression);
      this.ACTION(() => {
        result = { kind: 'comma', lhs: result, rhs, at: this.at(comma), start: result.start };
      });
    });
    return result;
  });

  // assignment-expression: conditional-expression (assignment-operator assignment-expression)?
  protected assignmentExpression = this.RULE('assignmentExpression', () => {
    let result = this.SUBRULE(this.conditionalExpression);
    this.OPTION(() => {
      const op = this.CONSUME(T.AssignmentOperator);
      const value = this.SUBRULE(this.assignmentExpression);
      this.ACTION(() => {
        const target = result;
        result = { kind: 'assign', op: op.image as SynAssignOp, target, value, at: this.at(op), start: target.start };
      });
    });
    return result;
  });

  // conditional-expression: binary-expression ('?' expression ':' conditional-expression)?
  protected conditionalExpression = this.RULE('conditionalExpression', () => {
    let result = this.SUBRULE(this.binaryExpression);
    this.OPTION(() => {
      this.CONSUME(T.Question);
      const then = this.SUBRULE(this.expression);
      const colon = this.CONSUME(T.Colon);
      const otherwise = this.SUBRULE(this.conditionalExpression);
      this.ACTION(() => {
        const cond = result;
        result = { kind: 'cond', cond, then, else: otherwise, at: this.at(colon), start: cond.start };
      });
    });
    return result;
  });

  // binary-expression: cast-expression (binary-operator cast-expression)*
  private binaryExpression = this.RULE('binaryExpression', () => {
    const operands = [this.SUBRULE(this.castExpression)];
    const operators: IToken[] = [];
    this.MANY(() => {
      operators.push(this.SUBRULE(this.binaryOperator));
      operands.push(this.SUBRULE2(this.castExpression));
    });
    return this.ACTION(() => this.climb(operands, operators));
  });

  // binary-operator: one of * / % + - << >> < > <= >= == != & ^ | && ||
  private binaryOperator = this.RULE('binaryOperator', () => this.OR(this.binaryOperatorAlts));

  // cast-expression: '(' type-name ')' cast-expression | unary-expression
  protected castExpression = this.RULE('castExpression', () =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.LA(1).tokenType === T.LParen && this.startsSpecifiers(2),
          ALT: (): SynExpr => {
            const open = this.CONSUME(T.LParen);
            const typeName = this.SUBRULE(this.typeName);
            this.CONSUME(T.RParen);
            const operand = this.SUBRULE(this.castExpression);
            return this.ACTION(() => ({ kind: 'cast', typeName, operand, at: this.at(open), start: this.at(open) }));
          },
        },
        { ALT: () => this.SUBRULE(this.unaryExpression) },
      ],
    }),
  );

  // unary-expression: ('++' | '--') unary-expression | unary-operator cast-expression
  //   | 'sizeof' '(' type-name ')' | 'sizeof' unary-expression | postfix-expression
  private unaryExpression = this.RULE('unaryExpression', (): SynExpr =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          ALT: () => {
            const op = this.OR2([{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }]);
            const operand = this.SUBRULE(this.unaryExpression);
            return this.ACTION(() => this.unary(op, operand));
          },
        },
        {
          ALT: () => {
            const op = this.SUBRULE(this.unaryOperator);
            const operand = this.SUBRULE(this.castExpression);
            return this.ACTION(() => this.unary(op, operand));
          },
        },
        {
          GATE: () => this.LA(2).tokenType === T.LParen && this.startsSpecifiers(3),
          ALT: () => {
            const sizeof = this.CONSUME(T.Sizeof);
            this.CONSUME(T.LParen);
            const typeName = this.SUBRULE(this.typeName);
            this.CONSUME(T.RParen);
            return this.ACTION(() => ({ kind: 'sizeofType', typeName, at: this.at(sizeof), start: this.at(sizeof) }));
          },
        },
        {
          ALT: () => {
            const sizeof = this.CONSUME2(T.Sizeof);
            const operand = this.SUBRULE2(this.unaryExpression);
            return this.ACTION(() => ({ kind: 'sizeofExpr', operand, at: this.at(sizeof), start: this.at(sizeof) }));
          },
        },
        { ALT: () => this.SUBRULE(this.postfixExpression) },
      ],
    }),
  );

  private unary(op: IToken, operand: SynExpr): SynExpr {
    return { kind: 'unary', op: op.image as SynUnaryOp, operand, at: this.at(op), start: this.at(op) };
  }

  // unary-operator: one of & * + - ~ !
  private unaryOperator = this.RULE('unaryOperator', () => this.OR(this.unaryOperatorAlts));

  // postfix-expression: primary-expression ( '[' expression ']' | '(' arguments? ')'
  //   | '.' identifier | '->' identifier | '++' | '--' )*
  private postfixExpression = this.RULE('postfixExpression', () => {
    let result = this.SUBRULE(this.primaryExpression);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const open = this.CONSUME(T.LBracket);
            const index = this.SUBRULE(this.expression);
            this.CONSUME(T.RBracket);
            this.ACTION(() => {
              result = { kind: 'index', base: result, index, at: this.at(open), start: result.start };
            });
          },
        },
        {
          ALT: () => {
            const args = this.SUBRULE(this.argumentList);
            this.ACTION(() => {
              result = { kind: 'call', callee: result, args, at: result.start, start: result.start };
            });
          },
        },
        {
          ALT: () => {
            const op = this.OR2([{ ALT: () => this.CONSUME(T.Dot) }, { ALT: () => this.CONSUME(T.Arrow) }]);
            const name = this.CONSUME(T.Identifier);
            this.ACTION(() => {
              const arrow = op.tokenType === T.Arrow;
              result = { kind: 'member', base: result, name: name.image, arrow, at: this.at(op), start: result.start };
            });
          },
        },
        {
          ALT: () => {
            const op = this.OR3([{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }]);
            this.ACTION(() => {
              const kind = 'postfix';
              result = { kind, op: op.image as '++' | '--', operand: result, at: this.at(op), start: result.start };
            });
          },
        },
      ]);
    });
    return result;
  });

  // arguments: '(' (assignment-expression (',' assignment-expression)*)? ')'
  private argumentList = this.RULE('argumentList', () => {
    const args: SynExpr[] = [];
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      args.push(this.SUBRULE(this.assignmentExpression));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        args.push(this.SUBRULE2(this.assignmentExpression));
      });
    });
    this.CONSUME(T.RParen);
    return args;
  });

  // primary-expression: identifier | constant | string-literal+ | '(' expression ')'
  private primaryExpression = this.RULE('primaryExpression', (): SynExpr =>
    this.OR([
      { ALT: () => this.leaf('ident', this.CONSUME(T.Identifier)) },
      { ALT: () => this.leaf('int', this.CONSUME(T.IntegerLiteral)) },
      { ALT: () => this.leaf('int', this.CONSUME(T.FloatLiteral)) },
      { ALT: () => this.leaf('int', this.CONSUME(T.PPNumber)) },
      { ALT: () => this.leaf('char', this.CONSUME(T.CharLiteral)) },
      {
        ALT: () => {
          const pieces: IToken[] = [];
          this.AT_LEAST_ONE(() => pieces.push(this.CONSUME(T.StringLiteral)));
          return this.ACTION(() => {
            const at = this.at(pieces[0]);
            return { kind: 'string', pieces: pieces.map((p) => ({ text: p.image, at: this.at(p) })), at, start: at };
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
    ]),
  );

  private leaf(kind: 'ident' | 'int' | 'char', token: IToken): SynExpr {
    return this.ACTION((): SynExpr => {
      const at = this.at(token);
      return kind === 'ident' ? { kind, name: token.image, at, start: at } : { kind, text: token.image, at, start: at };
    });
  }
}
