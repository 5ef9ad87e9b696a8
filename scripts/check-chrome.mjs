// Fails at once, with the fix, when no browser is there to run the tests in.
import { findChrome, installHint } from './chrome-path.mjs';

if (!findChrome()) {
  const fromEnv = process.env.CHROME_PATH;
  console.error(fromEnv ? `CHROME_PATH=${fromEnv} does not exist. ${installHint}` : installHint);
  process.exit(1);
}
