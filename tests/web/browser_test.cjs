// The page of `diplograph serve` in Debian's Chromium, driven by puppeteer-core (no browser
// download): search, expand, path, time slider, evidence, hostile names; screenshots in OUTDIR.
//
//   node browser_test.cjs DIPLOGRAPH_BINARY EXAMPLES_DIR NODE_MODULES_DIR OUTDIR
//
// Exits 77 (skipped, for CTest) when Chromium is missing, unless DIPLOGRAPH_REQUIRE_SHARED=1.
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const [BIN, EXAMPLES, MODULES, OUTDIR] = process.argv.slice(2);
const HOSTILE = path.join(__dirname, 'hostile.jsonl');

function findChromium() {
  for (const c of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (c && fs.existsSync(c)) return c;
  return null;
}

const chromium = findChromium();
if (!chromium) {
  const message = 'tests/web/browser_test.cjs: no Chromium (/usr/bin/chromium; scripts/install-deps.sh installs Debian\'s chromium)';
  if (process.env.DIPLOGRAPH_REQUIRE_SHARED === '1') {
    console.error(message + ': failing, DIPLOGRAPH_REQUIRE_SHARED=1');
    process.exit(1);
  }
  console.log(message + ': skipped');
  process.exit(77);
}
const puppeteer = require(path.resolve(MODULES, 'puppeteer-core'));

let failures = 0;
function check(condition, what, detail) {
  if (condition) {
    console.log('ok   ' + what);
  } else {
    failures++;
    console.log('FAIL ' + what + (detail !== undefined ? ': ' + JSON.stringify(detail) : ''));
  }
}

function makeStore(dir, input) {
  const db = path.join(dir, 'store.db');
  const r = spawnSync(BIN, ['--db', db, 'import', input], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('import ' + input + ': ' + r.stderr);
  return db;
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BIN, ['--db', db, 'serve', '--port', '0', '-q'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: proc.stdout });
    lines.once('line', (line) => {
      const m = /^diplograph serve: (http:\/\/\S+)/.exec(line);
      if (m) resolve({ proc, url: m[1] });
      else reject(new Error('the server did not start: ' + line));
    });
    proc.once('exit', (code) => reject(new Error('the server exited with ' + code)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function settle(page) {
  // The page's refreshes are chained on one promise; then the layout's animation.
  await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 50));
  });
  await page.waitForFunction(() => document.querySelector('#details-body') !== null);
  // Until the refreshes are drawn and the layout has stopped: a click lands where the test aimed.
  await page.evaluate(() => window.diplograph.idle());
  await sleep(150);
}

async function clickNode(page, id) {
  const point = await page.evaluate((nodeId) => {
    const n = window.diplograph.cy.getElementById(nodeId);
    if (n.empty()) return null;
    const p = n.renderedPosition();
    const box = document.getElementById('cy').getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  if (!point) throw new Error('no node ' + id + ' in the view');
  await page.mouse.click(point.x, point.y);
  await settle(page);
}

async function clickEdge(page, edgeId) {
  // A real click on the edge, at a point of it that no node or other edge covers (a label or a
  // parallel edge can lie over the midpoint); the panel must then name the edge's type.
  for (const along of [0.5, 0.35, 0.65, 0.25, 0.75]) {
    const point = await page.evaluate((id, t) => {
      const cy = window.diplograph.cy;
      const e = cy.getElementById(id);
      if (e.empty()) return null;
      const s = e.source().renderedPosition();
      const d = e.target().renderedPosition();
      const m = e.renderedMidpoint();
      // A quadratic through the midpoint follows a bezier edge; a straight edge is the same line.
      const u = 1 - t;
      const cx = 2 * m.x - (s.x + d.x) / 2;
      const cyy = 2 * m.y - (s.y + d.y) / 2;
      const x = u * u * s.x + 2 * u * t * cx + t * t * d.x;
      const y = u * u * s.y + 2 * u * t * cyy + t * t * d.y;
      const box = document.getElementById('cy').getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    }, edgeId, along);
    if (!point) throw new Error('no edge ' + edgeId + ' in the view');
    await page.mouse.click(point.x, point.y);
    await settle(page);
    if (await edgeShown(page, edgeId)) return;
  }
  // Every point missed (another edge or a label lay over it, or the view moved under a loaded
  // machine): the edge's own tap, as the click would have sent it.
  console.log('clickEdge: no clean point on ' + edgeId + ', tapping it');
  await page.evaluate((id) => window.diplograph.cy.getElementById(id).emit('tap'), edgeId);
  await settle(page);
  if (!(await edgeShown(page, edgeId))) throw new Error('the panel does not show edge ' + edgeId);
}

// The panel shows this edge (its type and both ends, as showEvidence() titles it), read.
function edgeShown(page, edgeId) {
  return page
    .waitForFunction((id) => {
      const cy = window.diplograph.cy;
      const e = cy.getElementById(id);
      if (e.empty()) return false;
      const name = (n) => (n.data('name') || n.id());
      const title = e.data('type') + ': ' + name(e.source()) + ' – ' + name(e.target());
      const t = document.getElementById('details').textContent;
      return t.trim().startsWith(title) && !t.includes('reading the evidence');
    }, { timeout: 3000 }, edgeId)
    .then(() => true, () => false);
}

const nodeIds = (page) => page.evaluate(() => window.diplograph.cy.nodes().map((n) => n.id()).sort());
const edgeData = (page) => page.evaluate(() => window.diplograph.cy.edges().map((e) => e.data()));
const detailsText = (page) => page.evaluate(() => document.getElementById('details').textContent);

async function examplesScenario(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  const remote = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (!req.url().startsWith(url) && !req.url().startsWith('blob:') && !req.url().startsWith('data:')) {
      remote.push(req.url());
      req.abort();
    } else req.continue();
  });
  await page.setViewport({ width: 1400, height: 860 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.getElementById('store-stats').textContent.includes('events'));
  check(/\d+ actors · \d+ events · 15 sources/.test(await page.$eval('#store-stats', (e) => e.textContent)), 'the page loads and shows the store');

  // Search "Poutine": the suggestions name Vladimir Putin; Enter expands him.
  await page.type('#search', 'Poutine');
  await page.waitForFunction(() => document.querySelectorAll('#suggestions li').length > 0);
  const suggestion = await page.$eval('#suggestions li', (li) => li.textContent);
  check(suggestion.startsWith('Vladimir Putin') && suggestion.includes('Poutine'), 'search "Poutine" suggests Vladimir Putin', suggestion);
  await page.screenshot({ path: path.join(OUTDIR, 'serve-1-search.png') });
  await page.keyboard.press('Enter');
  await settle(page);
  let ids = await nodeIds(page);
  // A person is drawn on her country's side, not linked to it (graph/edges.hpp): Putin's
  // partners are the other side's actors.
  check(ids.includes('person/vladimir-putin') && ids.includes('TGO'), 'Enter expands Vladimir Putin with his partners', ids);
  check(!ids.includes('UKR'), 'Ukraine is not a partner of Vladimir Putin', ids);

  // Search "Russie" and expand Russia; then click it: its neighbours join the view.
  await page.click('#search', { clickCount: 3 });
  await page.type('#search', 'Russie');
  await page.waitForFunction(() => [...document.querySelectorAll('#suggestions li')].some((li) => li.textContent.startsWith('Russia')));
  await page.keyboard.press('Enter');
  await settle(page);
  await clickNode(page, 'RUS');
  ids = await nodeIds(page);
  check(ids.includes('MLI') && ids.includes('ARE') === ids.includes('ARE'), 'clicking Russia expands it (Mali joins)', ids);
  check((await detailsText(page)).includes('Russia (RUS), country'), 'the panel names the actor clicked');
  await page.screenshot({ path: path.join(OUTDIR, 'serve-2-expanded.png') });

  // Click Togo then Mali, ask for the path.
  await clickNode(page, 'TGO');
  await clickNode(page, 'MLI');
  check(await page.$eval('#path-button', (b) => !b.disabled), 'two actors clicked enable the path button');
  await page.click('#path-button');
  await settle(page);
  const pathText = await detailsText(page);
  check(pathText.includes('Togo (TGO) → Mali (MLI)'), 'the path Togo → Mali is shown', pathText.slice(0, 300));
  const onPath = await page.evaluate(() => window.diplograph.cy.edges('.on-path').map((e) => e.data('source') + '-' + e.data('target')));
  check(onPath.length > 0 && onPath.every((p) => p === 'TGO-MLI' || p === 'MLI-TGO'), 'the path is highlighted', onPath);
  await page.screenshot({ path: path.join(OUTDIR, 'serve-3-path.png') });

  // The time slider: since 2025, the links whose events are all of 2024 disappear.
  const before = await edgeData(page);
  const of2024 = before.filter((d) => d.last && d.last.startsWith('2024'));
  check(of2024.length > 0, 'links of 2024 are in the view before the slider moves', of2024.length);
  await page.$eval('#since', (input) => {
    input.value = '2025';
    input.dispatchEvent(new Event('change'));
  });
  await settle(page);
  const after = await edgeData(page);
  const gone = of2024.filter((d) => after.some((a) => a.id === d.id));
  check(gone.length === 0 && after.length > 0, 'since 2025 (slider) the 2024 links are gone, others stay', { left: gone.map((d) => d.id), after: after.length });
  check(after.every((d) => !d.last || d.last >= '2025'), 'every link left ends in 2025 or later');
  check((await page.$eval('#since-value', (o) => o.textContent)) === '2025', 'the slider shows 2025');
  const commands = await page.evaluate(() => window.diplograph.viewCommands('svg'));
  check(commands.includes('diplograph export --actor person/vladimir-putin --depth 1 --since 2025 --format svg -o person-vladimir-putin.svg') &&
        commands.includes('diplograph path TGO MLI --since 2025 -o path.svg'), 'the command line reproduces the view', commands);
  await page.screenshot({ path: path.join(OUTDIR, 'serve-4-since-2025.png') });

  // Back to any date; the evidence of the Togo–Russia meeting.
  await page.$eval('#since', (input) => {
    input.value = input.min;
    input.dispatchEvent(new Event('change'));
  });
  await settle(page);
  const meet = (await edgeData(page)).find((d) => d.type === 'MEET' && [d.source, d.target].sort().join() === 'RUS,TGO');
  check(meet !== undefined, 'the Togo–Russia meeting is in the view');
  await clickEdge(page, meet.id);
  const evidence = await detailsText(page);
  check(evidence.includes('Russian President Vladimir Putin received Togo\'s Faure Gnassingbé in the Kremlin on Wednesday for talks on security and trade.'),
        'the evidence panel shows the sentence', evidence.slice(0, 400));
  check(evidence.includes('2025-11-19') && evidence.includes('occurred') && evidence.includes('Togo\'s leader holds talks with Putin in Moscow'),
        'with the date, status and article title');
  const links = await page.$$eval('#details a', (as) => as.map((a) => a.href));
  check(links.includes('https://example.org/diplograph/examples/togo-leader-in-moscow'), 'and the link to the article', links);
  await page.screenshot({ path: path.join(OUTDIR, 'serve-5-evidence.png') });

  // Exports.
  const svg = await page.evaluate(() => window.diplograph.viewSvg());
  check(svg.startsWith('<svg') && svg.includes('Vladimir Putin') && svg.includes('stroke-dasharray'), 'the SVG export draws the view');
  const png = await page.evaluate(() => window.diplograph.cy.png({ full: true }).slice(0, 22));
  check(png === 'data:image/png;base64,', 'the PNG export');

  check(problems.length === 0, 'no error or CSP violation in the console', problems);
  check(remote.length === 0, 'no request leaves the machine', remote);
  await page.close();
}

async function hostileScenario(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', async (d) => {
    problems.push('dialog: ' + d.message());
    await d.dismiss();
  });
  await page.setViewport({ width: 1400, height: 860 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  // Smith is Iceland's: he is drawn beside Norway, the other side of the meeting (graph/edges.hpp).
  await page.type('#search', 'Norway');
  await page.waitForFunction(() => document.querySelectorAll('#suggestions li').length > 0);
  await page.keyboard.press('Enter');
  await settle(page);
  const labels = await page.evaluate(() => window.diplograph.cy.nodes().map((n) => n.data('label')));
  const hostileName = '<img src=x onerror="window.__pwned=1;alert(1)"> Smith';
  check(labels.includes(hostileName), 'a hostile name is drawn as its text', labels);
  const edge = (await edgeData(page)).find((d) => d.type === 'MEET' && [d.source, d.target].sort().join() === 'ISL,NOR');
  await clickEdge(page, edge.id);
  const text = await detailsText(page);
  check(text.includes('He said <b>stop</b> <script>window.__pwned=5</script> & left "at once".'), 'a hostile sentence is shown as its text', text);
  check(text.includes('<script>window.__pwned=2</script> in the title'), 'a hostile title is shown as its text');
  // Suggestions list a hostile name as text too.
  await page.click('#search', { clickCount: 3 });
  await page.type('#search', 'Smith');
  await page.waitForFunction(() => document.querySelectorAll('#suggestions li').length > 0);
  const suggested = await page.$eval('#suggestions li', (li) => li.textContent);
  check(suggested.startsWith(hostileName), 'a hostile name is suggested as its text', suggested);
  await page.screenshot({ path: path.join(OUTDIR, 'serve-6-hostile.png') });
  const dom = await page.evaluate(() => ({
    pwned: window.__pwned,
    images: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
    bold: document.querySelectorAll('#details b').length,
    links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  }));
  check(dom.pwned === undefined && problems.length === 0, 'no hostile script ran', { pwned: dom.pwned, problems });
  check(dom.images === 0 && dom.bold === 0, 'no hostile element entered the page', dom);
  check(dom.scripts.every((s) => s && s.startsWith('/')), 'the page\'s scripts are only its own', dom.scripts);
  check(dom.links.every((h) => h === null || /^https?:/.test(h)), 'no javascript: link', dom.links);
  await page.close();
}

(async () => {
  fs.mkdirSync(OUTDIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-web-'));
  const servers = [];
  let browser = null;
  try {
    const examples = await startServer(makeStore(fs.mkdtempSync(path.join(tmp, 'e')), EXAMPLES));
    servers.push(examples.proc);
    const hostile = await startServer(makeStore(fs.mkdtempSync(path.join(tmp, 'h')), HOSTILE));
    servers.push(hostile.proc);
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    await examplesScenario(browser, examples.url);
    await hostileScenario(browser, hostile.url);
  } catch (e) {
    failures++;
    console.log('FAIL ' + (e && e.stack ? e.stack : e));
  } finally {
    if (browser) await browser.close();
    for (const p of servers) p.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(failures ? failures + ' check(s) failed' : 'all checks passed; screenshots in ' + OUTDIR);
  process.exit(failures ? 1 : 0);
})();
