// Prints one closing line, "N passed, N failed", that CI logs and people can read at a glance, and
// before it the tests that came closest to mocha's timeout: on a loaded CI machine those are the ones
// that fail next, so the log says which to look at before they do.
const SLOW_SHARE = 0.4;

export function summaryReporter({ timeoutMs = 10_000 } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const slow = [];
      const visit = (suite, path, file) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
          if (t.duration !== undefined && t.duration >= timeoutMs * SLOW_SHARE) slow.push({ name: [...path, t.name].join(' > '), file, duration: t.duration });
        }
        for (const s of suite.suites) visit(s, [...path, s.name], file);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults, [], session.testFile);
        else if (!session.passed) failed++;
      }
      if (slow.length > 0) {
        console.log(`\nSlowest tests (${((timeoutMs * SLOW_SHARE) / 1000).toFixed(0)} s or more; the default timeout is ${timeoutMs / 1000} s):`);
        for (const { name, file, duration } of slow.sort((a, b) => b.duration - a.duration).slice(0, 15)) {
          console.log(`  ${(duration / 1000).toFixed(1)} s  ${file.replace(process.cwd() + '/', '')}: ${name}`);
        }
      }
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
