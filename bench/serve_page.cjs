// The page of `diplograph serve` with a big view: Debian's Chromium (puppeteer-core) expands the
// biggest hub of a bench store (up to the budget of 2,000 actors) and times the answer, the
// drawing and fCoSE's layout, then a click on an actor; a screenshot in OUTDIR.
//
//   node bench/serve_page.cjs DIPLOGRAPH_BINARY STORE NODE_MODULES_DIR OUTDIR [ACTOR]
'use strict';
const { spawn } = require('child_process');
const path = require('path');
const readline = require('readline');
const [BIN, DB, MODULES, OUTDIR, ACTOR = 'A0000000'] = process.argv.slice(2);
const puppeteer = require(path.resolve(MODULES, 'puppeteer-core'));

(async () => {
  const server = spawn(BIN, ['--db', DB, 'serve', '--port', '0', '-q'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => readline.createInterface({ input: server.stdout }).once('line', (l) => resolve(l.split(' ')[2])));
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, protocolTimeout: 600000, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 860 });
    await page.goto(url, { waitUntil: 'networkidle0' });
    const t = await page.evaluate(async (actor) => {
      const { cy } = window.diplograph;
      const start = performance.now();
      const done = new Promise((r) => cy.one('layoutstop', r));
      document.getElementById('search').value = actor;
      window.diplograph.state.expanded.push(actor);
      document.getElementById('clear-button'); // no-op: the view starts empty
      await window.diplograph.refresh();
      const drawn = performance.now();
      await done;
      const laid = performance.now();
      const n = cy.nodes()[Math.floor(cy.nodes().length / 2)];
      const t0 = performance.now();
      n.emit('tap');
      await window.diplograph.refresh();
      return { nodes: cy.nodes().length, edges: cy.edges().length, answerAndDraw: drawn - start, layout: laid - drawn, tapAndRefresh: performance.now() - t0 };
    }, ACTOR);
    console.log(JSON.stringify(t));
    await page.screenshot({ path: path.join(OUTDIR, 'serve-bench-hub.png') });
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
})();
