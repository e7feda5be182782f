// The page of `diplograph serve` with a big view, in Debian's Chromium (puppeteer-core): expands
// the biggest hub of a bench store (its ego network cut at the server's budget of 2,000 actors)
// and prints the times of the answer and drawing, of fCoSE's layout, then of two interactions
// until the page is idle again (window.diplograph.idle): a click that expands another actor of
// the view, and the "since" slider moved; screenshots in OUTDIR. Not a test: it prints figures.
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
    // The server reads the store's graph in the background when it starts: wait for it, so
    // that the figures are the page's (a first /api/blocs waits for that reading).
    const warm = Date.now();
    // (202 while the blocs are computed, in the background from the start)
    while ((await fetch(url + 'api/blocs')).status !== 200) await new Promise((r) => setTimeout(r, 200));
    console.log(`server warm-up: ${((Date.now() - warm) / 1000).toFixed(1)} s`);
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log('page console: ' + m.text()));
    page.on('pageerror', (e) => console.log('page error: ' + e.message));
    await page.setViewport({ width: 1400, height: 860 });
    await page.goto(url, { waitUntil: 'networkidle0' });
    const t = await page.evaluate(async (actor) => {
      const { cy, state } = window.diplograph;
      const start = performance.now();
      state.expanded.push(actor);
      await window.diplograph.refresh();
      const drawn = performance.now();
      await window.diplograph.idle();
      const laid = performance.now();
      // The first picture: the frame after the next one is drawn.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const pictured = performance.now();
      const box = cy.nodes().boundingBox();
      const size = { nodes: cy.nodes().length, edges: cy.edges().length, box: [Math.round(box.w), Math.round(box.h)] };
      // A click on an actor of the outer part of the view: its partners join the view.
      const target = cy.nodes().filter((n) => n.id() !== actor)[Math.floor(cy.nodes().length / 2)];
      const t0 = performance.now();
      target.emit('tap');
      await window.diplograph.idle();
      const expand = performance.now() - t0;
      const afterExpand = { nodes: cy.nodes().length, edges: cy.edges().length };
      // A frame of pan and zoom (what dragging the view costs).
      const t1 = performance.now();
      for (let i = 0; i < 10; i++) {
        cy.zoom({ level: cy.zoom() * 1.1, renderedPosition: { x: 700, y: 430 } });
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      const zoomFrame = (performance.now() - t1) / 10;
      return { ...size, answerAndDraw: drawn - start, layout: laid - drawn, firstPicture: pictured - start, afterExpand, expand, zoomFrame };
    }, ACTOR);
    // What a user's wheel and drag cost: trusted events through the DevTools protocol (the
    // renderer's viewport shortcuts apply only to them), each step timed until the frame after
    // it is drawn (two animation frames), the view fitted first.
    await page.evaluate(() => window.diplograph.cy.fit(undefined, 40));
    const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await frame();
    const wheel = [];
    await page.mouse.move(700, 430);
    for (let i = 0; i < 10; i++) {
      const t0 = Date.now();
      await page.mouse.wheel({ deltaY: -120 });
      await frame();
      wheel.push(Date.now() - t0);
    }
    const drag = [];
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      const t0 = Date.now();
      await page.mouse.move(700 + 15 * i, 430 + 8 * i);
      await frame();
      drag.push(Date.now() - t0);
    }
    await page.mouse.up();
    await new Promise((r) => setTimeout(r, 400)); // the full-quality frame after the gesture
    const settle = Date.now();
    await frame();
    const settled = Date.now() - settle;
    await page.evaluate(() => window.diplograph.cy.fit(undefined, 40));
    await frame();
    await page.screenshot({ path: path.join(OUTDIR, 'serve-bench-2000.png') });
    // The "since" slider moved to the middle of its years: the view asks the API again with the
    // new filter and drops the links that no longer pass.
    const slider = await page.evaluate(async () => {
      const input = document.getElementById('since');
      const middle = Math.round((parseInt(input.min, 10) + parseInt(input.max, 10)) / 2);
      const t0 = performance.now();
      input.value = String(middle);
      input.dispatchEvent(new Event('change'));
      await window.diplograph.idle();
      const { cy } = window.diplograph;
      return { since: middle, ms: performance.now() - t0, nodes: cy.nodes().length, edges: cy.edges().length };
    });
    await page.screenshot({ path: path.join(OUTDIR, 'serve-bench-2000-since.png') });
    const zoomed = await page.evaluate(async () => {
      const { cy } = window.diplograph;
      cy.zoom({ level: 1.5, renderedPosition: { x: 700, y: 430 } });
      await new Promise((r) => requestAnimationFrame(() => r()));
    });
    void zoomed;
    await page.screenshot({ path: path.join(OUTDIR, 'serve-bench-2000-zoomed.png') });
    const ms = (x) => `${Math.round(x)} ms`;
    console.log(`view of ${ACTOR}: ${t.nodes} actors, ${t.edges} links, laid out on ${t.box[0]} x ${t.box[1]} px`);
    console.log(`  answer + drawing: ${ms(t.answerAndDraw)}; layout (concentric above 400 actors, no animation): ${ms(t.layout)}`);
    console.log(`  first picture (the click to the second animation frame after the view is idle): ${ms(t.firstPicture)}`);
    console.log(`  click expanding an actor: ${ms(t.expand)} until idle (${t.afterExpand.nodes} actors, ${t.afterExpand.edges} links)`);
    const stats = (a) => { const s = [...a].sort((x, y) => x - y); return `median ${s[Math.floor((s.length - 1) / 2)]} ms, worst ${s[s.length - 1]} ms`; };
    console.log(`  zoom step by cy.zoom() (programmatic, a full redraw), one frame: ${ms(t.zoomFrame)}`);
    console.log(`  mouse wheel step until the next frame: ${stats(wheel)}; drag (pan) step: ${stats(drag)}`);
    console.log(`  the full-quality frame after the gesture: ${settled} ms`);
    console.log(`  since slider to ${slider.since}: ${ms(slider.ms)} until idle (${slider.nodes} actors, ${slider.edges} links)`);
    console.log(`screenshots: ${OUTDIR}/serve-bench-2000{,-since,-zoomed}.png`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
})();
