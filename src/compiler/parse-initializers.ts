// Grammar rules for initialisers: an expression, or a braced list of items that
// may carry C99 designators (`.field =`, `[index] =`, chained). The list is kept
// as written; sema-init.ts resolves braces, elision and designators.

import { ExpressionParser } from './parse-expressions.js';
import type { SynDesignator, SynInitializer, SynInitItem } from './parse-tree.js';
import * as T from './tokens.js';

export abstract class InitializerParser extends ExpressionParser {
  // initializer: assignment-expression | '{' (init-item (',' init-item)* ','?)? '}'
  protected initializer = this.RULE('initializer', (): SynInitializer =>
    this.OR([
      {
        ALT: (): SynInitializer => {
          const open = this.CONSUME(T.LBrace);
          const items: SynInitItem[] = [];
          this.OPTION(() => {
            items.push(this.SUBRULE(this.initItem));
            this.MANY(() => {
              this.CONSUME(T.Comma);
              items.push(this.SUBRULE2(this.initItem));
            });
            this.OPTION2(() => this.CONSUME2(T.Comma));
          });
          this.CONSUME(T.RBrace);
          return this.ACTION(() => ({ kind: 'list', items, at: this.at(open) }));
        },
      },
      {
        ALT: (): SynInitializer => {
          const expr = this.SUBRULE(this.assignmentExpression);
          return this.ACTION(() => ({ kind: 'expr', expr, at: expr.start }));
        },
      },
    ]),
  );

  // init-item: (designator+ '=')? initializer
  private initItem = this.RULE('initItem', (): SynInitItem => {
    const designators: SynDesignator[] = [];
    this.OPTION(() => {
      this.AT_LEAST_ONE(() => designators.push(this.SUBRULE(this.designator)));
      this.CONSUME(T.Assign);
    });
    const value = this.SUBRULE(this.initializer);
    return { designators, value };
  });

  // designator: '[' conditional-expression ']' | '.' identifier
  private designator = this.RULE('designator', (): SynDesignator =>
    this.OR([
      {
        ALT: (): SynDesignator => {
          const open = this.CONSUME(T.LBracket);
          const index = this.SUBRULE(this.conditionalExpression);
          this.CONSUME(T.RBracket);
          return this.ACTION(() => ({ kind: 'index', index, at: this.at(open) }));
        },
      },
      {
        ALT: (): SynDesignator => {
          this.CONSUME(T.Dot);
          const name = this.CONSUME(T.Identifier);
          return this.ACTION(() => ({ kind: 'field', name: name.image, at: this.at(name) }));
        },
      },
    ]),
  );
}
