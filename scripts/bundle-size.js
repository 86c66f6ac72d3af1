#!/usr/bin/env node
// Gzipped size of the task pane bundle (its JavaScript and CSS). Used by the webpack
// build (BundleSizePlugin, fails the production build over the limit) and on its own:
//   node scripts/bundle-size.js [dist]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const LIMIT_BYTES = 350 * 1024;

/** files: [{ name, bytes }] → { total, files: [{ name, gzip }] } */
function gzipSizes(files) {
  const out = files.map((f) => ({ name: f.name, gzip: zlib.gzipSync(f.bytes, { level: 9 }).length }));
  return { total: out.reduce((s, f) => s + f.gzip, 0), files: out };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function report(sizes) {
  const lines = sizes.files.map((f) => `  ${f.name}: ${kb(f.gzip)} gzipped`);
  lines.push(`Task pane bundle: ${kb(sizes.total)} gzipped (limit ${kb(LIMIT_BYTES)})`);
  return lines.join('\n');
}

/** The task pane's files in a built dist/: taskpane*.js and taskpane.css. */
function distFiles(dist) {
  return fs
    .readdirSync(dist)
    .filter((n) => /^taskpane.*\.js$/.test(n) || n === 'taskpane.css')
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(dist, name)) }));
}

class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleSizePlugin', (compilation) => {
      // Emitted sources are released by now; measure the files as written.
      const sizes = gzipSizes(distFiles(compiler.outputPath));
      console.log(report(sizes));
      if (sizes.total > LIMIT_BYTES) {
        const { WebpackError } = compiler.webpack;
        compilation.errors.push(new WebpackError(`Task pane bundle is ${kb(sizes.total)} gzipped, over the ${kb(LIMIT_BYTES)} limit.`));
      }
    });
  }
}

module.exports = { gzipSizes, distFiles, report, BundleSizePlugin, LIMIT_BYTES };

if (require.main === module) {
  const dist = path.resolve(process.argv[2] || 'dist');
  const sizes = gzipSizes(distFiles(dist));
  console.log(report(sizes));
  process.exit(sizes.total > LIMIT_BYTES ? 1 : 0);
}
