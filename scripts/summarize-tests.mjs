// Adds up vitest's and Playwright's JSON reports into the one closing line CI reads: "N passed, N failed".
import { readFileSync } from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
const vitest = JSON.parse(readFileSync(vitestFile, 'utf8'));
const playwright = JSON.parse(readFileSync(playwrightFile, 'utf8'));

const unit = { passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests };
const stats = playwright.stats;
const e2e = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };

console.log(`vitest: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`playwright: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped (flaky: ${stats.flaky})`);
const failed = unit.failed + e2e.failed;
console.log(`total: ${unit.passed + e2e.passed} passed, ${failed} failed`);
if (failed > 0 || unit.passed + e2e.passed === 0) process.exit(1);
