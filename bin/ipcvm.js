#!/usr/bin/env node
// Entry point of the `ipcvm` command: the CLI is compiled to dist/ by `npm install`.
import { main } from '../dist/src/cli/main.js';
main(process.argv).then((code) => { process.exitCode = code; });
