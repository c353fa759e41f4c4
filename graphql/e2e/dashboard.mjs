// The dashboard in a real browser: Debian's Chromium (/usr/bin/chromium), driven by playwright-core,
// against a running recondo-graphql. Usage: node dashboard.mjs <base-url> <api-key> <screenshot-dir>.
// Runs the named steps below in order and prints one JSON line on stdout:
//   {"ok":true,"steps":[...],"errors":[...]}                         exit 0
//   {"ok":false,"failedStep":"...","reason":"...","screenshot":"...",...}  exit 1
// "errors" lists every console error, uncaught page error and CSP violation seen; page errors and
// CSP violations fail the run (a blocked script or style is a broken dashboard), console errors
// alone do not (a step that expects none can check ctx.errors itself). Progress goes to stderr.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [baseURL, key, screenshotDir] = process.argv.slice(2);
if (!baseURL || !key || !screenshotDir) {
  console.error('usage: node dashboard.mjs <base-url> <api-key> <screenshot-dir>');
  process.exit(2);
}

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

// Each step is [name, async (ctx) => {...}]; ctx has page, baseURL, key, errors and shot(name).
// Add steps here: they run in order, and the first to throw stops the run with a screenshot.
const steps = [
  ['open the dashboard', async ({ page, baseURL }) => {
    const res = await page.goto(`${baseURL}/`);
    check(res && res.status() === 200, `GET / answered ${res && res.status()}`);
    const csp = res.headers()['content-security-policy'] ?? '';
    check(csp.includes("default-src 'none'"), `GET / has a Content-Security-Policy (got "${csp}")`);
  }],
  ['the page is titled Recondo', async ({ page }) => {
    await page.waitForFunction(() => document.title === 'Recondo');
  }],
  ['screenshot', async ({ shot }) => {
    await shot('dashboard');
  }],
];

const errors = []; // {kind: 'console'|'pageerror'|'csp', text}
let browser, result;
try {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  // CSP violations reach the page as events, not as exceptions: report each on the console with a
  // marker. Playwright injects init scripts past the page's CSP, so this runs under script-src 'self'.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const csp = text.startsWith('CSP violation:') || text.includes('Content Security Policy');
    errors.push({ kind: csp ? 'csp' : 'console', text });
  });
  page.on('pageerror', (err) => errors.push({ kind: 'pageerror', text: String(err.stack || err) }));

  const shot = async (name) => {
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  const ctx = { page, baseURL, key, errors, shot };
  const done = [];
  for (const [name, run] of steps) {
    console.error(`step: ${name}`);
    try {
      await run(ctx);
    } catch (err) {
      const screenshot = await shot(`failed-${done.length + 1}`).catch((e) => `none (${e.message})`);
      result = { ok: false, failedStep: name, reason: String(err.message || err), screenshot, steps: done, errors };
      break;
    }
    done.push(name);
  }
  if (!result) {
    const fatal = errors.filter((e) => e.kind !== 'console');
    result = fatal.length === 0
      ? { ok: true, steps: done, errors }
      : { ok: false, reason: `${fatal.length} page error(s) or CSP violation(s)`, screenshot: await shot('errors'), steps: done, errors };
  }
} catch (err) {
  result = { ok: false, reason: `browser: ${err.message || err}`, errors };
} finally {
  await browser?.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
