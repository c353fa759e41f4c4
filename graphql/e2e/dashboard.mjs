// The dashboard in a real browser: Debian's Chromium (/usr/bin/chromium), driven by playwright-core,
// against a running recondo-graphql. Usage: node dashboard.mjs <base-url> <api-key> <screenshot-dir>.
// Runs the named steps below in order and prints one JSON line on stdout:
//   {"ok":true,"steps":[...],"errors":[...]}                         exit 0
//   {"ok":false,"failedStep":"...","reason":"...","screenshot":"...",...}  exit 1
// "errors" lists every console error, uncaught page error and CSP violation seen; page errors and
// CSP violations fail the run (a blocked script or style is a broken dashboard), console errors
// alone do not (a step that expects none can check ctx.errors itself). Progress goes to stderr.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [baseURL, key, screenshotDir] = process.argv.slice(2);
if (!baseURL || !key || !screenshotDir) {
  console.error('usage: node dashboard.mjs <base-url> <api-key> <screenshot-dir>');
  process.exit(2);
}

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

// waitCount waits until the locator matches exactly n elements.
async function waitCount(locator, n, what) {
  const deadline = Date.now() + 10_000;
  let got;
  while ((got = await locator.count()) !== n) {
    if (Date.now() > deadline) throw new Error(`check failed: ${what}: ${got} elements, want ${n}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// mainText is everything the view shows as text.
const mainText = (page) => page.locator('main').innerText();

const tamperPath = process.env.DASHBOARD_TAMPER_OBJECT ?? '';
const hostile = process.env.DASHBOARD_HOSTILE_TEXT ?? '';

// Each step is [name, async (ctx) => {...}]; ctx has page, baseURL, key, errors and shot(name).
// They run in order, and the first to throw stops the run with a screenshot. The dataset is
// graphql/internal/fixture: 5 sessions (alice, bob, carol, alice, bob) of 30 turns costing
// 1,000 micro-dollars each, 2 Read calls per turn, every body stored; see dashboard_test.go.
const steps = [
  ['open the dashboard', async ({ page, baseURL }) => {
    const res = await page.goto(`${baseURL}/`);
    check(res && res.status() === 200, `GET / answered ${res && res.status()}`);
    const csp = res.headers()['content-security-policy'] ?? '';
    check(csp.includes("default-src 'none'"), `GET / has a Content-Security-Policy (got "${csp}")`);
    await page.waitForFunction(() => document.title === 'Recondo');
  }],
  ['without a key it asks for one', async ({ page }) => {
    await page.locator('[data-testid=key-form]').waitFor();
    check(!(await mainText(page)).includes('refused'), 'no refusal before a key was entered');
  }],
  ['a wrong key is refused', async ({ page }) => {
    await page.fill('input[name=apiKey]', 'rcd_not_a_real_key_at_all');
    await page.click('button:has-text("Use key")');
    await page.locator('[data-testid=key-form]:has-text("refused")').waitFor();
  }],
  ['the right key lists the sessions, newest first', async ({ page, key }) => {
    await page.fill('input[name=apiKey]', key);
    await page.click('button:has-text("Use key")');
    const rows = page.locator('[data-testid=sessions] tbody tr');
    await waitCount(rows, 5, 'session rows');
    check((await rows.first().getAttribute('data-session')) === 's-005', 'the newest session comes first');
    const stored = await page.evaluate(() => ({ local: localStorage.length, url: location.href }));
    check(stored.local === 0 && !stored.url.includes(key), 'the key is kept out of localStorage and the URL');
  }],
  ['filter by developer', async ({ page }) => {
    await page.selectOption('select[name=developer]', 'alice');
    await page.click('button:has-text("Filter")');
    const rows = page.locator('[data-testid=sessions] tbody tr');
    await waitCount(rows, 2, 'alice\'s sessions');
    const devs = await rows.locator('td:nth-child(2)').allInnerTexts();
    check(devs.every((d) => d === 'alice'), `every row is alice's (got ${devs})`);
    check(page.url().includes('developer=alice'), 'the filter is in the link');
  }],
  ['open a session', async ({ page }) => {
    await page.click('tr[data-session="s-001"] a');
    await page.locator('[data-testid=session-title]').waitFor();
    const facts = await page.locator('[data-testid=facts]').innerText();
    check(facts.includes('$0.03'), `the session costs 30 turns x $0.001 (facts: ${facts})`);
    await waitCount(page.locator('[data-testid=turns] > li'), 25, 'the first page of turns');
  }],
  ['load the rest of the turns', async ({ page }) => {
    await page.click('button:has-text("Load more turns")');
    const turns = page.locator('[data-testid=turns] > li');
    await waitCount(turns, 30, 'all turns');
    const ids = await turns.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-turn')));
    check(new Set(ids).size === 30 && ids[0] === 't-001-01' && ids[29] === 't-001-30', `30 distinct turns in order (${ids})`);
    check((await page.locator('button:has-text("Load more turns")').count()) === 0, 'no more to load');
  }],
  ['a turn shows its texts and tool calls', async ({ page, shot }) => {
    await page.click('li[data-turn="t-001-01"] button.turn-head');
    const turn = page.locator('li[data-turn="t-001-01"]');
    await waitCount(turn.locator('[data-testid=tool-calls] tbody tr[data-tool="Read"]'), 2, 'Read calls');
    const text = await turn.innerText();
    check(text.includes('fix the flaky test'), 'the user text is shown');
    await shot('session');
  }],
  ['captured text is shown as text and never runs', async ({ page }) => {
    check(hostile !== '', 'the test passes the hostile text');
    const text = await mainText(page);
    check(text.includes(hostile), 'the hostile text appears literally');
    const found = await page.evaluate(() => ({
      pwned: window.__pwned,
      imgs: document.querySelectorAll('main img').length,
      scripts: document.querySelectorAll('main script').length,
    }));
    check(found.pwned === undefined && found.imgs === 0 && found.scripts === 0, `nothing injected: ${JSON.stringify(found)}`);
  }],
  ['no filesystem path leaves the server unmasked', async ({ page }) => {
    await page.locator('summary:has-text("What it read, changed and ran")').click();
    const text = await mainText(page);
    check(text.includes('[path-1]'), 'the artifact paths are shown, masked');
    check(!text.includes('/home/alice') && !text.includes('/Users/bob'), 'home directories are masked');
  }],
  ['verify passes on untouched bodies', async ({ page }) => {
    await page.click('button:has-text("Verify stored bodies")');
    await page.locator('[data-testid=verify] .good:has-text("verified: 60 stored bodies of 30 turns")').waitFor();
  }],
  ['a turn page shows the stored bodies, decoded and masked', async ({ page, baseURL }) => {
    await page.goto(`${baseURL}/#/turns/t-001-01`);
    await page.locator('[data-testid=turn-title]').waitFor();
    await page.locator('[data-testid=body-response] summary').click();
    const body = await page.locator('[data-testid=body-response]').innerText();
    check(body.includes('I read') && body.includes('gzip'), `the gzip response is shown decoded (${body.slice(0, 200)})`);
    check(!body.includes('/home/alice'), 'the body is masked');
  }],
  ['spend for the last 7 days, by developer', async ({ page, baseURL, shot }) => {
    await page.goto(`${baseURL}/#/stats?range=7d&by=DEVELOPER`);
    const totals = page.locator('[data-testid=totals]');
    await totals.waitFor();
    const t = await totals.innerText();
    check(t.includes('$0.15') && /\b150\s+Turns/.test(t) && /\b5\s+Sessions/.test(t), `totals: 150 turns of 5 sessions, $0.15 (${t})`);
    const rows = page.locator('[data-testid=grouped] tbody tr');
    await waitCount(rows, 3, 'developers');
    const alice = await rows.filter({ hasText: 'alice' }).innerText();
    check(alice.includes('$0.06'), `alice spent $0.06 (${alice})`);
    const bars = await page.locator('[data-testid=chart] rect.bar').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
    check(bars.length === 7 && bars.filter((h) => h > 0).length >= 1, `a bar per day of 7, some spend (${bars})`);
    await shot('stats');
  }],
  ['search finds what was said', async ({ page, baseURL }) => {
    await page.goto(`${baseURL}/#/search?q=flaky`);
    const hits = page.locator('[data-testid=hits] > li');
    await waitCount(hits, 50, 'the first page of hits (one user text per turn, 150 in all)');
    await page.click('button:has-text("More hits")');
    await waitCount(hits, 100, 'two pages of hits');
    check(!(await mainText(page)).includes('/home/alice'), 'snippets are masked');
  }],
  ['anomalies and unknown routes', async ({ page, baseURL }) => {
    await page.goto(`${baseURL}/#/anomalies`);
    const row = page.locator('[data-testid=anomalies] tbody tr');
    await waitCount(row, 1, 'the one anomaly');
    const text = await row.innerText();
    check(text.includes('secret_exposure') && text.includes('[path-') && !text.includes('/home/alice'), `the anomaly, masked (${text})`);
    await page.goto(`${baseURL}/#/no/such/view`);
    await page.locator('[role=alert]:has-text("Nothing lives at")').waitFor();
  }],
  ['verify names an altered body', async ({ page, baseURL }) => {
    check(tamperPath !== '', 'the test names a stored object to alter');
    fs.writeFileSync(tamperPath, 'not what was captured');
    await page.goto(`${baseURL}/#/sessions/s-001`);
    await page.click('button:has-text("Verify stored bodies")');
    const bad = page.locator('[data-testid=verify] .bad');
    await bad.waitFor();
    const text = await bad.innerText();
    check(text.includes('do not match') && text.includes('t-001-02'), `the mismatch names turn t-001-02 (${text})`);
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
