// Counts test results and leaves them in a file for scripts/test.mjs to print last.
import fs from 'node:fs';

export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedHere++;
        else counts.skipped++;
      }
      // A file that failed to load, or whose setup hook failed, must not pass silently.
      if (mod.state() === 'failed' && failedHere === 0) failedHere = 1;
      counts.failed += failedHere;
    }
    counts.failed += unhandledErrors.length;
    fs.writeFileSync(process.env.CANBO_TEST_SUMMARY, JSON.stringify(counts));
  }
}
