#!/usr/bin/env node
// Entry point of the `summakoll` command: the compiled command line in lib/.
require('../lib/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
