// Grammar rules for declarations: specifiers, declarators of any depth (abstract
// ones too), struct/union/enum specifiers, type names, and block-scope declarations
// (file-scope ones, which may be function definitions, are in parse-unit.ts).
//
// A typedef name counts as a type specifier only while no other type specifier
// has been seen (`typedef int T; { int T; }` declares a variable T); every
// declarator's name is entered in the typedef table as soon as the declarator
// ends, so the name is in scope for its own initialiser.

import type { IToken, TokenType } from './chevrotain.js';
import { InitializerParser } from './parse-initializers.js';
import type {
  SynDeclaration,
  SynDeclarator,
  SynDeclSpecs,
  SynEnumerator,
  SynEnumSpec,
  SynExpr,
  SynInitDeclarator,
  SynInitializer,
  SynMemberDecl,
  SynParam,
  SynSpecifier,
  SynStructSpec,
  StorageWord,
  TypeWord,
} from './parse-tree.js';
import * as T from './tokens.js';

const storageWords = new Map<TokenType, StorageWord>([
  [T.Typedef, 'typedef'], [T.Extern, 'extern'], [T.Static, 'static'], [T.Auto, 'auto'], [T.Register, 'register'],
]);
const typeWords = new Map<TokenType, TypeWord>([
  [T.Void, 'void'], [T.Char, 'char'], [T.Short, 'short'], [T.Int, 'int'], [T.Long, 'long'], [T.Signed, 'signed'],
  [T.Unsigned, 'unsigned'], [T.Bool, '_Bool'], [T.Float, 'float'], [T.Double, 'double'], [T.Complex, '_Complex'],
  [T.Imaginary, '_Imaginary'],
]);
const qualifierTokens = [T.Const, T.Volatile, T.Restrict];

/** The declarator's name, if it has one. */
export function declaredName(d: SynDeclarator): string | undefined {
  return d.kind === 'name' ? d.name : declaredName(d.inner);
}

/** The derivation applied right at the name: 'func' means the declarator declares a function. */
export function innermostDerivation(d: SynDeclarator): SynDeclarator {
  return d.kind !== 'name' && d.inner.kind !== 'name' ? innermostDerivation(d.inner) : d;
}

export function isTypedefSpecs(specs: SynDeclSpecs): boolean {
  return specs.specs.some((s) => s.kind === 'storage' && s.word === 'typedef');
}

export abstract class DeclarationParser extends InitializerParser {
  private readonly specifierAlts = [
    ...[...storageWords].map(([type, word]) => ({
      ALT: (): SynSpecifier => {
        const token = this.CONSUME(type);
        return this.ACTION(() => ({ kind: 'storage', word, at: this.at(token) }));
      },
    })),
    ...[...typeWords].map(([type, word]) => ({
      ALT: (): SynSpecifier => {
        const token = this.CONSUME(type);
        return this.ACTION(() => ({ kind: 'type', word, at: this.at(token) }));
      },
    })),
    ...qualifierTokens.map((type) => ({
      ALT: (): SynSpecifier => {
        const token = this.CONSUME(type);
        return this.ACTION(() => ({ kind: 'qualifier', at: this.at(token) }));
      },
    })),
    {
      ALT: (): SynSpecifier => {
        const token = this.CONSUME(T.Inline);
        return this.ACTION(() => ({ kind: 'inline', at: this.at(token) }));
      },
    },
    {
      ALT: (): SynSpecifier => {
        const at = this.ACTION(() => this.nextAt());
        this.SUBRULE(this.attribute);
        return { kind: 'qualifier', at };
      },
    },
    {
      ALT: (): SynSpecifier => {
        const at = this.ACTION(() => this.nextAt());
        const spec = this.SUBRULE(this.structSpecifier);
        return { kind: 'struct', spec, at };
      },
    },
    {
      ALT: (): SynSpecifier => {
        const at = this.ACTION(() => this.nextAt());
        const spec = this.SUBRULE(this.enumSpecifier);
        return { kind: 'enum', spec, at };
      },
    },
    {
      ALT: (): SynSpecifier => {
        const token = this.CONSUME(T.Identifier);
        return this.ACTION(() => ({ kind: 'typedefName', name: token.image, at: this.at(token) }));
      },
    },
  ];

  private readonly qualifierAlts = [...qualifierTokens, T.Attribute].map((type) => ({
    ALT: () => (type === T.Attribute ? this.SUBRULE(this.attribute) : this.CONSUME(type)),
  }));

  // declaration-specifiers: (storage-class | type-specifier | type-qualifier | 'inline' | attribute)+
  // (`expected` is gcc's message when there are none)
  protected declSpecifiers = this.RULE('declSpecifiers', (expected?: string): SynDeclSpecs => {
    const specs: SynSpecifier[] = [];
    const start = this.ACTION(() => this.nextAt());
    let sawType = false;
    this.AT_LEAST_ONE({
      GATE: () =>
        this.LA(1).tokenType !== T.Identifier ||
        (!sawType && (this.isTypedefToken(this.LA(1)) || this.startsUnknownTypeName())),
      ERR_MSG: expected ?? 'expected declaration specifiers',
      DEF: () => {
        const spec = this.OR(this.specifierAlts);
        this.ACTION(() => {
          specs.push(spec);
          if (spec.kind === 'type' || spec.kind === 'typedefName' || spec.kind === 'struct' || spec.kind === 'enum') {
            sawType = true;
          }
        });
      },
    });
    return { specs, start };
  });

  // attribute: '__attribute__' '(' attribute-tokens ')'
  protected attribute = this.RULE('attribute', () => {
    this.CONSUME(T.Attribute);
    this.SUBRULE(this.attributeGroup);
  });

  // attribute-group: '(' (attribute-group | identifier | constant | string | ',' | keyword)* ')'
  private attributeGroup = this.RULE('attributeGroup', () => {
    this.CONSUME(T.LParen);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.attributeGroup) },
        { ALT: () => this.CONSUME(T.Identifier) },
        { ALT: () => this.CONSUME(T.IntegerLiteral) },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => this.CONSUME(T.Keyword) },
      ]),
    );
    this.CONSUME(T.RParen);
  });

  // struct-or-union-specifier: ('struct' | 'union') attribute* (identifier struct-body? | struct-body)
  private structSpecifier = this.RULE('structSpecifier', (): SynStructSpec => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(T.Struct) }, { ALT: () => this.CONSUME(T.Union) }]);
    this.MANY(() => this.SUBRULE(this.attribute));
    let tag: IToken | undefined;
    let members: SynMemberDecl[] | undefined;
    this.OR2([
      {
        ALT: () => {
          tag = this.CONSUME(T.Identifier);
          this.OPTION(() => (members = this.SUBRULE(this.structBody)));
        },
      },
      { ALT: () => (members = this.SUBRULE2(this.structBody)) },
    ]);
    return this.ACTION(() => ({
      isUnion: keyword.tokenType === T.Union,
      tag: tag?.image,
      tagAt: tag === undefined ? undefined : this.at(tag),
      members,
    }));
  });

  // struct-body: '{' member-declaration* '}'
  private structBody = this.RULE('structBody', () => {
    const members: SynMemberDecl[] = [];
    this.CONSUME(T.LBrace);
    this.MANY(() => members.push(this.SUBRULE(this.memberDeclaration)));
    this.CONSUME(T.RBrace, { ERR_MSG: 'expected specifier-qualifier-list' });
    return members;
  });

  // member-declaration: specifiers (member-declarator (',' member-declarator)*)? attribute* ';'
  private memberDeclaration = this.RULE('memberDeclaration', (): SynMemberDecl => {
    const specs = this.SUBRULE(this.declSpecifiers, { ARGS: ['expected specifier-qualifier-list'] });
    const declarators: SynDeclarator[] = [];
    this.OPTION({
      GATE: () => this.startsDeclarator(),
      DEF: () => {
        declarators.push(this.SUBRULE(this.memberDeclarator));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          declarators.push(this.SUBRULE2(this.memberDeclarator));
        });
      },
    });
    this.MANY2(() => this.SUBRULE(this.attribute));
    this.CONSUME(T.Semicolon, { ERR_MSG: "expected ':', ',', ';', '}' or '__attribute__'" });
    return { specs, declarators };
  });

  // member-declarator: declarator (':' conditional-expression)?   (bit-fields are refused)
  private memberDeclarator = this.RULE('memberDeclarator', (): SynDeclarator => {
    const declarator = this.SUBRULE(this.declarator);
    this.OPTION(() => {
      const colon = this.CONSUME(T.Colon);
      this.SUBRULE(this.conditionalExpression);
      this.ACTION(() => this.grammarErrors.push({ token: colon, message: 'bit-fields are not supported' }));
    });
    return declarator;
  });

  // enum-specifier: 'enum' (identifier enum-body? | enum-body)
  private enumSpecifier = this.RULE('enumSpecifier', (): SynEnumSpec => {
    this.CONSUME(T.Enum);
    let tag: IToken | undefined;
    let enumerators: SynEnumerator[] | undefined;
    this.OR([
      {
        ALT: () => {
          tag = this.CONSUME(T.Identifier);
          this.OPTION(() => (enumerators = this.SUBRULE(this.enumBody)));
        },
      },
      { ALT: () => (enumerators = this.SUBRULE2(this.enumBody)) },
    ]);
    return this.ACTION(() => ({ tag: tag?.image, tagAt: tag === undefined ? undefined : this.at(tag), enumerators }));
  });

  // enum-body: '{' enumerator (',' enumerator)* ','? '}'
  private enumBody = this.RULE('enumBody', () => {
    const list: SynEnumerator[] = [];
    this.CONSUME(T.LBrace);
    list.push(this.SUBRULE(this.enumerator));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      list.push(this.SUBRULE2(this.enumerator));
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
    this.CONSUME(T.RBrace);
    return list;
  });

  // enumerator: identifier ('=' conditional-expression)?
  private enumerator = this.RULE('enumerator', (): SynEnumerator => {
    const name = this.CONSUME(T.Identifier);
    let value: SynExpr | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      value = this.SUBRULE(this.conditionalExpression);
    });
    return this.ACTION(() => {
      this.declareName(name.image, false);
      return { name: name.image, at: this.at(name), value };
    });
  });

  // declarator: ('*' type-qualifier*)* direct-declarator
  protected declarator = this.RULE('declarator', (): SynDeclarator => {
    const stars: IToken[] = [];
    this.MANY(() => {
      stars.push(this.CONSUME(T.Star));
      this.MANY2(() => this.OR(this.qualifierAlts));
    });
    const direct = this.SUBRULE(this.directDeclarator);
    return this.ACTION(() => {
      let result = direct;
      for (const star of stars) result = { kind: 'pointer', inner: result, at: this.at(star) };
      return result;
    });
  });

  // direct-declarator: (identifier | '(' declarator ')' | nothing, for an abstract declarator)
  //   ( '[' assignment-expression? ']' | parameter-list )*
  private directDeclarator = this.RULE('directDeclarator', (): SynDeclarator => {
    let result: SynDeclarator | undefined;
    this.OPTION({
      GATE: () => this.LA(1).tokenType === T.Identifier || this.opensNestedDeclarator(),
      DEF: () => {
        result = this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => this.opensNestedDeclarator(),
              ALT: () => {
                this.CONSUME(T.LParen);
                const inner = this.SUBRULE(this.declarator);
                this.CONSUME(T.RParen);
                return inner;
              },
            },
            {
              ALT: (): SynDeclarator => {
                const name = this.CONSUME(T.Identifier);
                return this.ACTION(() => ({ kind: 'name', name: name.image, at: this.at(name) }));
              },
            },
          ],
        });
      },
    });
    // an abstract declarator has no name
    this.ACTION(() => (result ??= { kind: 'name', at: this.nextAt() }));
    this.MANY(() =>
      this.OR2([
        {
          ALT: () => {
            const open = this.CONSUME(T.LBracket);
            let size: SynExpr | undefined;
            this.OPTION2(() => (size = this.SUBRULE(this.assignmentExpression)));
            this.CONSUME(T.RBracket);
            this.ACTION(() => {
              result = { kind: 'array', inner: result as SynDeclarator, size, at: this.at(open) };
            });
          },
        },
        {
          ALT: () => {
            const open = this.ACTION(() => this.LA(1));
            const params = this.SUBRULE(this.parameterList);
            this.ACTION(() => {
              result = { kind: 'func', inner: result as SynDeclarator, ...params, at: this.at(open) };
            });
          },
        },
      ]),
    );
    return result as SynDeclarator;
  });

  // parameter-list: '(' ( 'void' | parameter (',' parameter)* (',' '...')? )? ')'
  private parameterList = this.RULE('parameterList', () => {
    const params: SynParam[] = [];
    let variadic = false;
    let sawVoid = false;
    this.CONSUME(T.LParen);
    this.ACTION(() => this.pushScope());
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== T.RParen,
      DEF: () =>
        this.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => this.LA(1).tokenType === T.Void && this.LA(2).tokenType === T.RParen,
              ALT: () => {
                this.CONSUME(T.Void);
                sawVoid = true;
              },
            },
            {
              ALT: () => {
                params.push(this.SUBRULE(this.parameterDeclaration));
                this.MANY(() => {
                  this.CONSUME(T.Comma);
                  params.push(this.SUBRULE2(this.parameterDeclaration));
                });
                this.OPTION2(() => {
                  this.CONSUME2(T.Comma);
                  this.CONSUME(T.Ellipsis);
                  variadic = true;
                });
              },
            },
          ],
        }),
    });
    this.CONSUME(T.RParen);
    this.ACTION(() => this.popScope());
    return { params, variadic, unspecified: params.length === 0 && !sawVoid };
  });

  // parameter: declaration-specifiers declarator   (the declarator may be abstract)
  private parameterDeclaration = this.RULE('parameterDeclaration', (): SynParam => {
    const specs = this.SUBRULE(this.declSpecifiers, { ARGS: ["expected declaration specifiers or '...'"] });
    const declarator = this.SUBRULE(this.declarator);
    this.ACTION(() => this.declareName(declaredName(declarator), false));
    return { specs, declarator };
  });

  // type-name: specifier-qualifier-list abstract-declarator?
  protected typeName = this.RULE('typeName', () => {
    const specs = this.SUBRULE(this.declSpecifiers);
    const declarator = this.SUBRULE(this.declarator);
    return this.ACTION(() => ({ specs, declarator, at: specs.start }));
  });

  // init-declarator: declarator attribute* ('=' initializer)?
  protected initDeclarator = this.RULE('initDeclarator', (isTypedef: boolean): SynInitDeclarator => {
    const declarator = this.SUBRULE(this.declarator);
    this.MANY(() => this.SUBRULE(this.attribute));
    this.ACTION(() => {
      this.declareName(declaredName(declarator), isTypedef);
      this.lastDeclaratorHadInit = false;
    });
    let init: SynInitializer | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      init = this.SUBRULE(this.initializer);
      this.ACTION(() => (this.lastDeclaratorHadInit = true));
    });
    return { declarator, init };
  });

  /** The message for a missing ';' after a declarator, as gcc words it. */
  protected declarationEndMessage(): string {
    return this.lastDeclaratorHadInit ? "expected ',' or ';'" : "expected '=', ',', ';', 'asm' or '__attribute__'";
  }

  // declaration: declaration-specifiers (init-declarator (',' init-declarator)*)? ';'
  protected declaration = this.RULE('declaration', (): SynDeclaration => {
    const specs = this.SUBRULE(this.declSpecifiers);
    const typedef = this.ACTION(() => isTypedefSpecs(specs));
    const declarators: SynInitDeclarator[] = [];
    this.OPTION({
      GATE: () => this.startsDeclarator(),
      DEF: () => {
        declarators.push(this.SUBRULE(this.initDeclarator, { ARGS: [typedef] }));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          declarators.push(this.SUBRULE2(this.initDeclarator, { ARGS: [typedef] }));
        });
      },
    });
    const semi = this.CONSUME(T.Semicolon, { ERR_MSG: this.declarationEndMessage() });
    return this.ACTION(() => ({ kind: 'declaration', specs, declarators, at: this.at(semi) }));
  });
}
