// Prints one closing line, "N passed, N failed", that CI logs and people can read at a glance.
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const visit = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) visit(s);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        else if (!session.passed) failed++;
      }
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
