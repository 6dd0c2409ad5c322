// Grammar rules for the translation unit: external declarations, which are
// function definitions or file-scope declarations (declaration specifiers may be
// missing: old `main() {...}` is an implicit int). The most derived parser class,
// which runs chevrotain's self-analysis. After a syntax error the broken external
// declaration is skipped through its `;` or its closing brace.

import { declaredName, innermostDerivation, isTypedefSpecs } from './parse-declarations.js';
import { StatementParser, strayInBlock } from './parse-statements.js';
import type {
  SynDeclaration,
  SynDeclarator,
  SynDeclSpecs,
  SynExternal,
  SynInitDeclarator,
  SynTranslationUnit,
} from './parse-tree.js';
import * as T from './tokens.js';

/** Tokens that cannot start an external declaration. */
const strayAtFileScope = [
  ...strayInBlock, T.Else, T.RBrace, T.If, T.Switch, T.While, T.Do, T.For, T.Goto, T.Continue, T.Break,
  T.Return, T.Case, T.Default, T.IntegerLiteral, T.FloatLiteral, T.PPNumber, T.CharLiteral, T.StringLiteral,
  T.LBrace, T.Amp, T.Plus, T.Minus, T.Tilde, T.Bang, T.PlusPlus, T.MinusMinus, T.Sizeof,
];

export class CParser extends StatementParser {
  private readonly strayAtFileScopeAlts = strayAtFileScope.map((type) => ({ ALT: () => this.CONSUME(type) }));

  constructor() {
    super();
    this.performSelfAnalysis();
  }

  // translation-unit: (external-declaration | stray-token)*
  translationUnit = this.RULE('translationUnit', (): SynTranslationUnit => {
    const items: SynExternal[] = [];
    this.MANY(() =>
      this.OR({
        MAX_LOOKAHEAD: 1,
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => this.startsSpecifiers(1) || this.startsDeclarator() || this.LA(1).tokenType === T.Semicolon,
            ALT: () => {
              const item = this.recovering(true, () => this.SUBRULE(this.externalDeclaration));
              this.ACTION(() => item !== undefined && items.push(item));
            },
          },
          {
            ALT: () => {
              this.ACTION(() => this.reportAtNext("expected identifier or '('"));
              this.OR2(this.strayAtFileScopeAlts);
            },
          },
        ],
      }),
    );
    return { items };
  });

  // external-declaration: declaration-specifiers? ( ';' | declarator ( compound-statement
  //   | declaration-rest ) )
  private externalDeclaration = this.RULE('externalDeclaration', (): SynExternal => {
    let specs: SynDeclSpecs | undefined;
    this.OPTION({ GATE: () => this.startsDeclSpecifiers(), DEF: () => (specs = this.SUBRULE(this.declSpecifiers)) });
    const declSpecs = this.ACTION(() => specs ?? { specs: [], start: this.nextAt() });
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          ALT: (): SynExternal => {
            const semi = this.CONSUME(T.Semicolon);
            return this.ACTION(() => ({ kind: 'declaration', specs: declSpecs, declarators: [], at: this.at(semi) }));
          },
        },
        { ALT: () => this.SUBRULE(this.declaratorAndRest, { ARGS: [declSpecs] }) },
      ],
    });
  });

  // declarator-and-rest: declarator ( compound-statement | declaration-rest )
  private declaratorAndRest = this.RULE('declaratorAndRest', (specs: SynDeclSpecs): SynExternal => {
    const first = this.SUBRULE(this.declarator);
    this.ACTION(() => this.declareName(declaredName(first), isTypedefSpecs(specs)));
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      ERR_MSG: this.declarationEndMessage(),
      DEF: [
        {
          GATE: () => this.LA(1).tokenType === T.LBrace && innermostDerivation(first).kind === 'func',
          ALT: (): SynExternal => {
            const body = this.SUBRULE(this.compoundStatement, { ARGS: [this.ACTION(() => paramNames(first))] });
            return { kind: 'function', specs, declarator: first, body };
          },
        },
        { ALT: () => this.SUBRULE(this.declarationRest, { ARGS: [specs, first] }) },
      ],
    });
  });

  // declaration-rest: attribute* ('=' initializer)? (',' init-declarator)* ';'
  //   (what follows the first declarator of a file-scope declaration)
  private declarationRest = this.RULE('declarationRest', (specs: SynDeclSpecs, first: SynDeclarator): SynDeclaration => {
    this.MANY(() => this.SUBRULE(this.attribute));
    this.ACTION(() => (this.lastDeclaratorHadInit = false));
    const declarators: SynInitDeclarator[] = [];
    let init: SynInitDeclarator['init'];
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      init = this.SUBRULE(this.initializer);
      this.ACTION(() => (this.lastDeclaratorHadInit = true));
    });
    this.ACTION(() => declarators.push({ declarator: first, init }));
    const typedef = this.ACTION(() => isTypedefSpecs(specs));
    this.MANY2(() => {
      this.CONSUME(T.Comma);
      declarators.push(this.SUBRULE(this.initDeclarator, { ARGS: [typedef] }));
    });
    const semi = this.CONSUME(T.Semicolon, { ERR_MSG: this.declarationEndMessage() });
    return this.ACTION(() => ({ kind: 'declaration', specs, declarators, at: this.at(semi) }));
  });
}

/** The parameter names of the function a definition's declarator declares. */
function paramNames(d: SynDeclarator): string[] {
  const fn = innermostDerivation(d);
  if (fn.kind !== 'func') return [];
  return fn.params.map((p) => declaredName(p.declarator)).filter((n): n is string => n !== undefined);
}

