// The one door to chevrotain. Its package entry point pulls in some 650 lodash-es
// modules, which cost ~0.5 s of ES-module resolution at every `ipcvm run`; the
// package also ships the same library as one bundled file, which loads in ~40 ms.
// The package's "exports" map hides that file, so it is located next to the entry
// point. Types still come from the package itself.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

const entry = createRequire(import.meta.url).resolve('chevrotain'); // .../lib/src/api.js
const bundle: Chevrotain = await import(pathToFileURL(join(dirname(entry), '..', 'chevrotain.mjs')).href);

export const { createToken, Lexer, EmbeddedActionsParser, EOF, isRecognitionException, tokenMatcher } = bundle;
export type {
  CustomPatternMatcherFunc,
  IParserErrorMessageProvider,
  IRecognitionException,
  IToken,
  ParserMethod,
  TokenType,
} from 'chevrotain';
