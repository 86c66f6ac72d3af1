'use strict';
// Preloaded (node -r) into command-line runs under test: prints the process's peak
// resident memory on exit, so a test can see whether a zip bomb was inflated.
process.on('exit', () => {
  try {
    require('fs').writeSync(2, `\nSUMMAKOLL_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
  } catch {
    // stderr closed: nothing to report
  }
});
