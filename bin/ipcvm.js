#!/usr/bin/env node
// Entry point of the `ipcvm` command. `npm install`/`npm run build` compile the CLI
// to dist/ and bundle it (src/tools/bundle.ts); the bundle runs only while every
// file it was made from is unchanged (size and mtime, as its manifest lists them),
// so after a plain `tsc` the compiled modules run instead.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = join(__dirname, '..', 'dist');

/** The bundle's entry if it is current, else the compiled modules' entry. */
function entry() {
  try {
    const manifest = JSON.parse(readFileSync(join(dist, 'bundle-manifest.json'), 'utf8'));
    const current =
      manifest.inputs.length > 0 &&
      manifest.inputs.every(([path, size, mtimeMs]) => {
        const s = statSync(join(dist, path), { throwIfNoEntry: false });
        return s !== undefined && s.size === size && s.mtimeMs === mtimeMs;
      });
    if (current) return join(dist, manifest.entry);
  } catch {
    // no bundle: the modules
  }
  return join(dist, 'src', 'cli', 'main.js');
}

import(pathToFileURL(entry()).href).then(async ({ main }) => {
  process.exitCode = await main(process.argv);
});
