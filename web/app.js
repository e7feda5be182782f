// The page of `diplograph serve`: a view built from the JSON API (docs/api.md). Every name,
// sentence and address is put in the page as text (textContent, never HTML), links only for
// http and https addresses; the server's Content-Security-Policy forbids inline scripts.
'use strict';

(function () {
  const FAMILY_COLOUR = { cooperation: '#2E7D32', conflict: '#C62828', diplomatic: '#1565C0' };
  const KIND_STYLE = {
    country: { shape: 'round-rectangle', fill: '#DCEBFA' },
    person: { shape: 'ellipse', fill: '#FFF4C2' },
    organization: { shape: 'hexagon', fill: '#DFF2E1' },
  };
  const ALL_FAMILIES = ['cooperation', 'conflict', 'diplomatic'];
  const ALL_STATUSES = ['occurred', 'agreed', 'planned', 'reported'];
  const VIEW_BUDGET = 2000; // actors in the view at most
  // Above this many actors: no animation, a draft layout, actors added to the view put in rings
  // around the actor they are linked to instead of laying the whole view out again, and the
  // labels drawn only when zoomed in enough to read them.
  const BIG_VIEW = 400;
  let big = false;
  let styledBig = false;

  const $ = (id) => document.getElementById(id);

  // What the view is made of: the actors expanded (each with its neighbours), the path asked.
  const state = {
    expanded: [],
    path: null, // [a, b]
    picked: [], // the last two actors clicked
    families: new Set(ALL_FAMILIES),
    statuses: new Set(ALL_STATUSES),
    since: null, // a year, null: no bound
    until: null,
    sizeBy: '',
    years: { min: null, max: null },
    notices: [],
  };

  cytoscape.use(cytoscapeFcose);
  // The style sheet; a big view draws its links thin, straight and solid (dashes and
  // translucency cost seconds per frame with thousands of links) and names only when zoomed in
  // enough to read them.
  function styles(bigView) {
    return [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          shape: 'data(shape)',
          'background-color': 'data(fill)',
          'border-width': 1,
          'border-color': '#616161',
          width: 'data(size)',
          height: 'data(size)',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': 140,
          'min-zoomed-font-size': bigView ? 9 : 0,
        },
      },
      { selector: 'node.focus', style: { 'border-width': 3, 'font-weight': 'bold' } },
      { selector: 'node.picked', style: { 'border-color': '#FF6F00', 'border-width': 4 } },
      {
        selector: 'edge',
        style: bigView
          ? { 'line-color': 'data(colour)', 'line-style': 'solid', width: 1, 'curve-style': 'haystack', opacity: 1 }
          : {
              'line-color': 'data(colour)',
              'line-style': 'data(lineStyle)',
              width: 'data(width)',
              'curve-style': 'bezier',
              opacity: 0.85,
            },
      },
      { selector: 'edge.on-path', style: { width: 6, opacity: 1, 'underlay-color': '#FFB300', 'underlay-opacity': 0.5, 'underlay-padding': 3 } },
      { selector: 'edge:selected', style: { 'underlay-color': '#263238', 'underlay-opacity': 0.3, 'underlay-padding': 4 } },
    ];
  }

  cytoscape.use(cytoscapeFcose);
  const cy = cytoscape({
    container: $('cy'),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    style: styles(false),
  });
  window.diplograph = { cy, state }; // for the browser test and the console

  // ---- the API --------------------------------------------------------------------------

  function filterParams() {
    const p = new URLSearchParams();
    if (state.families.size < ALL_FAMILIES.length) p.set('type', [...state.families].join(','));
    if (state.statuses.size < ALL_STATUSES.length) p.set('status', [...state.statuses].join(','));
    if (state.since !== null) p.set('since', String(state.since));
    if (state.until !== null) p.set('until', String(state.until));
    return p;
  }

  function actorPath(id) {
    // Ids keep their one slash (person/…, org/…); the rest of the name is encoded.
    return id.split('/').map(encodeURIComponent).join('/');
  }

  async function api(path, params) {
    const query = params && [...params].length ? '?' + params.toString() : '';
    for (let tries = 1; ; tries += 1) {
      const response = await fetch('/api/' + path + query, { headers: { Accept: 'application/json' } });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
      // 202: an answer the server is still computing (betweenness on a large store); asked
      // again a second later, for two minutes at most.
      if (response.status === 202 && tries < 120) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      if (body && body.notice) state.notices.push(body.notice);
      return body;
    }
  }

  // ---- helpers ---------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeLink(url, text) {
    // Only http and https: a javascript: or data: address stays text.
    let parsed = null;
    try {
      parsed = new URL(url);
    } catch (e) {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return el('span', null, text);
    const a = el('a', null, text);
    a.href = parsed.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function showNotice() {
    const box = $('notice');
    const text = [...new Set(state.notices)].join(' · ');
    box.textContent = text;
    box.hidden = !text;
  }

  function setDetails(title, nodes) {
    $('details-title').textContent = title;
    const body = $('details-body');
    body.replaceChildren(...nodes);
  }

  function showError(error) {
    state.notices.push(error.message);
    showNotice();
  }

  function year(date) {
    return date ? parseInt(date.slice(0, 4), 10) : null;
  }

  function lineStyle(statuses) {
    if (statuses.includes('occurred')) return 'solid';
    if (statuses.includes('agreed') || statuses.includes('planned')) return 'dashed';
    return 'dotted';
  }

  function nodeLabel(node) {
    let name = node.name || node.id;
    if (node.kind === 'organization' && node.id.startsWith('org/') && name.length > 24) name = node.id.slice(4);
    return name;
  }

  // ---- building the view -----------------------------------------------------------------

  function addNode(nodes, node) {
    if (nodes.has(node.id)) return;
    const style = KIND_STYLE[node.kind] || KIND_STYLE.country;
    nodes.set(node.id, { id: node.id, name: node.name, kind: node.kind, label: nodeLabel(node), shape: style.shape, fill: style.fill, size: 24 });
  }

  function addLink(links, link) {
    const id = link.a + '\u0001' + link.b + '\u0001' + link.type;
    if (links.has(id)) return;
    links.set(id, {
      id,
      source: link.a,
      target: link.b,
      type: link.type,
      family: link.family,
      count: link.count,
      first: link.first,
      last: link.last,
      statuses: link.statuses,
      sources: link.sources,
      events: link.events,
      colour: FAMILY_COLOUR[link.family] || '#616161',
      lineStyle: lineStyle(link.statuses),
      width: Math.min(1 + 0.75 * Math.max(0, link.sources - 1), 5) * 1.5,
    });
    for (const d of [link.first, link.last]) {
      const y = year(d);
      if (y === null) continue;
      if (state.years.min === null || y < state.years.min) state.years.min = y;
      if (state.years.max === null || y > state.years.max) state.years.max = y;
    }
  }

  let refreshing = Promise.resolve();
  function refresh() {
    refreshing = refreshing.then(rebuild).catch(showError);
    return refreshing;
  }
  window.diplograph.refresh = refresh;
  // Resolves once the refreshes asked for so far are drawn and the layout has stopped moving.
  let laidOut = Promise.resolve();
  window.diplograph.idle = async () => {
    await refreshing;
    await laidOut;
  };

  async function rebuild() {
    state.notices = [];
    const params = filterParams();
    const nodes = new Map();
    const links = new Map();
    const answers = await Promise.all(state.expanded.map((id) => api('ego/' + actorPath(id), new URLSearchParams([...params, ['depth', '1']])).catch((e) => ({ error: e }))));
    for (const answer of answers) {
      if (answer.error) {
        state.notices.push(answer.error.message);
        continue;
      }
      addNode(nodes, answer.centre);
      for (const actor of answer.actors) {
        if (nodes.size >= VIEW_BUDGET && !nodes.has(actor.id)) {
          state.notices.push('the view holds ' + VIEW_BUDGET + ' actors at most: some neighbours are left out');
          break;
        }
        addNode(nodes, actor);
      }
      for (const link of answer.links) if (nodes.has(link.a) && nodes.has(link.b)) addLink(links, link);
    }
    const onPath = new Set();
    let pathAnswer = null;
    if (state.path) {
      try {
        pathAnswer = await api('path/' + actorPath(state.path[0]) + '/' + actorPath(state.path[1]), params);
        addNode(nodes, pathAnswer.from);
        addNode(nodes, pathAnswer.to);
        for (const p of pathAnswer.paths)
          for (const step of p.steps)
            for (const hop of step.links) {
              for (const end of [hop.link.a, hop.link.b]) if (!nodes.has(end)) addNode(nodes, { id: end, name: end, kind: end.startsWith('person/') ? 'person' : end.startsWith('org/') ? 'organization' : 'country' });
              addLink(links, hop.link);
              onPath.add(hop.link.a + '\u0001' + hop.link.b + '\u0001' + hop.link.type);
            }
      } catch (e) {
        state.notices.push(e.message);
      }
    }
    if (state.sizeBy) await sizeNodes(nodes, params);
    apply(nodes, links, onPath);
    updateSliders();
    showNotice();
    if (pathAnswer) showPath(pathAnswer);
    $('path-button').disabled = state.picked.length < 2;
  }

  async function sizeNodes(nodes, params) {
    const answer = await api('rank', new URLSearchParams([...params, ['by', state.sizeBy], ['top', '0']]));
    let max = 0;
    const scores = new Map();
    for (const a of answer.actors) {
      scores.set(a.id, a.score);
      if (a.score > max) max = a.score;
    }
    for (const node of nodes.values()) {
      const s = scores.get(node.id) || 0;
      node.size = max > 0 ? 18 + 50 * Math.sqrt(s / max) : 24;
    }
  }

  // A big view drawn anew: a disc, the expanded actors at its centre, then the others by number
  // of links, each at radius 28·√i and 137.5° from the one before (a sunflower: even density,
  // linear time; fCoSE's draft took seconds and left such a star in a heap, rings of equal
  // degree made a circle 17,000 px wide). Computed from the answer's data, before the actors
  // are added: no layout runs over thousands of elements afterwards.
  function disc(nodes, links) {
    const degree = new Map();
    for (const link of links.values()) {
      degree.set(link.source, (degree.get(link.source) || 0) + 1);
      degree.set(link.target, (degree.get(link.target) || 0) + 1);
    }
    const rank = (id) => (state.expanded.includes(id) ? 1e9 : degree.get(id) || 0);
    const order = [...nodes.keys()].sort((a, b) => rank(b) - rank(a) || (a < b ? -1 : 1));
    const positions = new Map();
    const golden = Math.PI * (3 - Math.sqrt(5));
    order.forEach((id, i) => {
      const r = 28 * Math.sqrt(i);
      positions.set(id, { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) });
    });
    return { positions, radius: 28 * Math.sqrt(Math.max(order.length - 1, 0)) };
  }

  function apply(nodes, links, onPath) {
    const fresh = [];
    big = nodes.size > BIG_VIEW;
    let newcomers = 0;
    for (const id of nodes.keys()) if (cy.getElementById(id).empty()) newcomers += 1;
    // A big view is laid out once, when most of it is new; later actors keep their rings.
    const drawn = big && newcomers * 2 > nodes.size ? disc(nodes, links) : null;
    if (big !== styledBig) {
      // Before the new actors are added, so that each is styled once.
      styledBig = big;
      cy.style().fromJson(styles(big)).update();
      // While the user zooms or pans a big view, the renderer moves a picture of it and leaves
      // the links out, then draws it again once the gesture stops (renderer options, read at
      // each frame).
      const renderer = cy.renderer();
      renderer.textureOnViewport = big;
      renderer.hideEdgesOnViewport = big;
    }
    cy.batch(() => {
      cy.edges().forEach((e) => {
        if (!links.has(e.id())) e.remove();
      });
      cy.nodes().forEach((n) => {
        if (!nodes.has(n.id())) n.remove();
      });
      // A new actor starts beside an actor already drawn that it is linked to, so that the
      // layout only refines; fCoSE starts from random positions when most actors are new.
      const near = new Map();
      for (const link of links.values()) {
        near.set(link.source, near.get(link.source) || link.target);
        near.set(link.target, near.get(link.target) || link.source);
      }
      const around = new Map(); // anchor id → the new actors put beside it
      for (const data of nodes.values()) {
        const existing = cy.getElementById(data.id);
        if (existing.nonempty()) {
          existing.data(data);
          if (drawn) existing.position(drawn.positions.get(data.id));
          continue;
        }
        const anchor = cy.getElementById(near.get(data.id) || '');
        const base = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
        const position = { x: base.x + (Math.random() - 0.5) * 80, y: base.y + (Math.random() - 0.5) * 80 };
        const node = { group: 'nodes', data, position };
        if (anchor.nonempty()) around.set(anchor.id(), (around.get(anchor.id()) || []).concat([node]));
        fresh.push(node);
      }
      if (drawn) {
        for (const node of fresh) node.position = drawn.positions.get(node.data.id);
      } else if (big) {
        // Rings around the anchor, 45 px apart, an actor every 30 px of each.
        for (const [id, added] of around) {
          const c = cy.getElementById(id).position();
          let ring = 1;
          let slot = 0;
          for (const node of added) {
            if (slot >= Math.floor((2 * Math.PI * 45 * ring) / 30)) {
              ring += 1;
              slot = 0;
            }
            const angle = (2 * Math.PI * slot) / Math.floor((2 * Math.PI * 45 * ring) / 30) + ring;
            node.position = { x: c.x + 45 * ring * Math.cos(angle), y: c.y + 45 * ring * Math.sin(angle) };
            slot += 1;
          }
        }
      }
      for (const data of links.values()) {
        const existing = cy.getElementById(data.id);
        if (existing.nonempty()) existing.data(data);
        else fresh.push({ group: 'edges', data });
      }
      if (fresh.length) cy.add(fresh);
      cy.nodes().removeClass('focus picked');
      for (const id of state.expanded) cy.getElementById(id).addClass('focus');
      for (const id of state.picked) cy.getElementById(id).addClass('picked');
      cy.edges().removeClass('on-path');
      for (const id of onPath) cy.getElementById(id).addClass('on-path');
    });
    if (big) state.notices.push('a big view (' + nodes.size + ' actors): links drawn thin and solid, names shown when zoomed in');
    const added = fresh.filter((f) => f.group === 'nodes').length;
    const most = added * 2 > cy.nodes().length;
    if (drawn) {
      // Fitted from the disc's radius (cy.fit would measure every label first).
      const side = 2 * drawn.radius + 60;
      const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), Math.min((cy.width() - 80) / side, (cy.height() - 80) / side)));
      cy.viewport({ zoom, pan: { x: cy.width() / 2, y: cy.height() / 2 } });
      laidOut = Promise.resolve();
    } else if (added && !big) layout(most);
  }

  function layout(randomize) {
    const run = cy.layout({
      name: 'fcose',
      quality: 'default',
      randomize,
      animate: !big,
      animationDuration: 400,
      fit: true,
      padding: 40,
      nodeRepulsion: 9000,
      idealEdgeLength: 90,
      nodeDimensionsIncludeLabels: true,
    });
    laidOut = run.promiseOn('layoutstop');
    run.run();
  }

  // ---- the controls ----------------------------------------------------------------------

  function updateSliders() {
    const min = state.years.min === null ? 1990 : state.years.min;
    const max = state.years.max === null ? new Date().getFullYear() : state.years.max;
    for (const id of ['since', 'until']) {
      const input = $(id);
      input.min = String(min);
      input.max = String(max);
    }
    $('since').value = String(state.since === null ? min : state.since);
    $('until').value = String(state.until === null ? max : state.until);
    $('since-value').textContent = state.since === null ? 'any' : String(state.since);
    $('until-value').textContent = state.until === null ? 'any' : String(state.until);
  }

  function onSlider() {
    const since = parseInt($('since').value, 10);
    const until = parseInt($('until').value, 10);
    state.since = since <= parseInt($('since').min, 10) ? null : since;
    state.until = until >= parseInt($('until').max, 10) ? null : until;
    if (state.since !== null && state.until !== null && state.until < state.since) state.until = state.since;
    refresh();
  }
  $('since').addEventListener('change', onSlider);
  $('until').addEventListener('change', onSlider);
  for (const input of document.querySelectorAll('input.family, input.status')) {
    input.addEventListener('change', () => {
      const set = input.classList.contains('family') ? state.families : state.statuses;
      if (input.checked) set.add(input.value);
      else set.delete(input.value);
      refresh();
    });
  }
  $('size-by').addEventListener('change', () => {
    state.sizeBy = $('size-by').value;
    refresh();
  });
  $('fit-button').addEventListener('click', () => cy.fit(undefined, 40));
  $('clear-button').addEventListener('click', () => {
    state.expanded = [];
    state.path = null;
    state.picked = [];
    cy.elements().remove();
    refresh();
  });
  $('path-button').addEventListener('click', () => {
    if (state.picked.length < 2) return;
    state.path = state.picked.slice(-2);
    refresh();
  });

  function expand(id) {
    if (!state.expanded.includes(id)) state.expanded.push(id);
    return refresh();
  }

  function pick(id) {
    state.picked = state.picked.filter((p) => p !== id).concat([id]).slice(-2);
    $('path-button').disabled = state.picked.length < 2;
    cy.nodes().removeClass('picked');
    for (const p of state.picked) cy.getElementById(p).addClass('picked');
  }

  cy.on('tap', 'node', (event) => {
    const id = event.target.id();
    pick(id);
    showActor(event.target.data());
    if ($('expand-on-click').checked) expand(id);
  });
  cy.on('tap', 'edge', (event) => showEvidence(event.target.data()));

  // ---- the search box --------------------------------------------------------------------

  let searchTimer = null;
  let suggestions = [];
  let active = -1;
  const box = $('search');
  const list = $('suggestions');

  function renderSuggestions() {
    list.replaceChildren(
      ...suggestions.map((m, i) => {
        const li = el('li', i === active ? 'active' : null, m.name);
        li.setAttribute('role', 'option');
        const hint = m.kind + ' · ' + m.id + (m.matched && m.matched !== m.name && m.matched !== m.id ? ' · “' + m.matched + '”' : '');
        li.appendChild(el('span', 'hint', hint));
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    list.hidden = suggestions.length === 0;
  }

  function choose(i) {
    const m = suggestions[i];
    if (!m) return;
    suggestions = [];
    renderSuggestions();
    box.value = m.name;
    showActor({ id: m.id, name: m.name, kind: m.kind });
    expand(m.id);
  }

  box.addEventListener('input', () => {
    clearTimeout(searchTimer);
    const text = box.value.trim();
    if (!text) {
      suggestions = [];
      renderSuggestions();
      return;
    }
    searchTimer = setTimeout(async () => {
      try {
        const found = await api('entities', new URLSearchParams([['match', text], ['limit', '8']]));
        if (box.value.trim() !== text) return;
        suggestions = found.filter((m) => ['country', 'person', 'organization'].includes(m.kind));
        active = suggestions.length ? 0 : -1;
        renderSuggestions();
      } catch (e) {
        showError(e);
      }
    }, 120);
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!suggestions.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length;
      renderSuggestions();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      choose(active < 0 ? 0 : active);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      suggestions = [];
      renderSuggestions();
    }
  });
  box.addEventListener('blur', () => {
    suggestions = [];
    renderSuggestions();
  });

  // ---- the details panel -----------------------------------------------------------------

  function showActor(data) {
    const nodes = [el('p', null, data.name + ' (' + data.id + '), ' + data.kind)];
    const button = el('button', null, 'Expand its neighbours');
    button.type = 'button';
    button.addEventListener('click', () => expand(data.id));
    nodes.push(button);
    if (state.picked.length === 2) nodes.push(el('p', 'muted', 'Two actors picked: ' + state.picked.join(' and ') + ' (Path button).'));
    setDetails(data.name || data.id, nodes);
  }

  async function showEvidence(link) {
    const a = cy.getElementById(link.source).data();
    const b = cy.getElementById(link.target).data();
    const title = link.type + ': ' + (a ? a.name : link.source) + ' – ' + (b ? b.name : link.target);
    setDetails(title, [el('p', 'muted', 'reading the evidence…')]);
    try {
      const answer = await api('timeline/' + actorPath(link.source) + '/' + actorPath(link.target), filterParams());
      const wanted = new Set(link.events);
      const blocks = [el('p', 'muted', link.count + ' event' + (link.count === 1 ? '' : 's') + ', ' + link.sources + ' source' + (link.sources === 1 ? '' : 's'))];
      for (const event of answer.events) {
        if (!wanted.has(event.id)) continue;
        const block = el('div', 'event');
        const head = el('div', 'head', (event.date.text || 'undated') + '  ' + event.type + (event.subtype ? '/' + event.subtype : '') + ' ');
        head.appendChild(el('span', 'status', event.status));
        block.appendChild(head);
        for (const x of event.evidence) {
          const ev = el('div', 'evidence');
          ev.appendChild(el('div', 'sentence', '“' + x.text + '”'));
          const source = el('div', 'source');
          source.appendChild(safeLink(x.url, x.title || x.source));
          const extra = [x.outlet, x.published].filter(Boolean).join(', ');
          if (extra) source.appendChild(document.createTextNode(' — ' + extra));
          ev.appendChild(source);
          block.appendChild(ev);
        }
        blocks.push(block);
      }
      setDetails(title, blocks);
    } catch (e) {
      setDetails(title, [el('p', null, e.message)]);
    }
  }

  function showPath(answer) {
    const title = 'Path: ' + answer.from.name + ' – ' + answer.to.name;
    if (!answer.paths.length) {
      setDetails(title, [el('p', null, 'no path between ' + answer.from.name + ' and ' + answer.to.name + (answer.filters ? ' (' + answer.filters + ')' : ''))]);
      return;
    }
    const name = (id) => {
      const n = cy.getElementById(id);
      return n.nonempty() ? n.data('name') + ' (' + id + ')' : id;
    };
    const blocks = [];
    for (const p of answer.paths) {
      blocks.push(el('div', 'path-chain', p.nodes.map(name).join(' → ')));
      for (const step of p.steps)
        for (const hop of step.links)
          blocks.push(el('div', 'hop', step.from + ' – ' + step.to + ': ' + hop.link.type + ', ' + hop.link.count + ' event' + (hop.link.count === 1 ? '' : 's') + (hop.link.first ? ', ' + hop.link.first : '')));
    }
    setDetails(title, blocks);
  }

  // ---- exports ---------------------------------------------------------------------------

  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  }

  //! The view as an SVG document: built with the DOM, so every text is escaped by the serializer.
  function viewSvg() {
    const NS = 'http://www.w3.org/2000/svg';
    const bb = cy.elements().boundingBox({ includeLabels: true });
    const pad = 20;
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('xmlns', NS);
    svg.setAttribute('viewBox', [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad].join(' '));
    svg.setAttribute('width', String(Math.round(bb.w + 2 * pad)));
    svg.setAttribute('height', String(Math.round(bb.h + 2 * pad)));
    svg.setAttribute('font-family', 'Helvetica, Arial, sans-serif');
    const add = (parent, tag, attrs, text) => {
      const node = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      if (text !== undefined) node.textContent = text;
      parent.appendChild(node);
      return node;
    };
    add(svg, 'rect', { x: bb.x1 - pad, y: bb.y1 - pad, width: bb.w + 2 * pad, height: bb.h + 2 * pad, fill: '#ffffff' });
    cy.edges().forEach((e) => {
      const s = e.source().position();
      const t = e.target().position();
      const d = e.data();
      const line = add(svg, 'line', { x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: d.colour, 'stroke-width': d.width });
      if (d.lineStyle === 'dashed') line.setAttribute('stroke-dasharray', '8 4');
      if (d.lineStyle === 'dotted') line.setAttribute('stroke-dasharray', '2 3');
      add(line, 'title', {}, d.type + ' ' + d.source + ' – ' + d.target + ', ' + d.count + ' events');
    });
    cy.nodes().forEach((n) => {
      const p = n.position();
      const d = n.data();
      const r = d.size / 2;
      const group = add(svg, 'g', {});
      if (d.kind === 'person') add(group, 'ellipse', { cx: p.x, cy: p.y, rx: r, ry: r, fill: d.fill, stroke: '#616161' });
      else if (d.kind === 'organization') {
        const pts = [];
        for (let i = 0; i < 6; i++) pts.push((p.x + r * Math.cos((Math.PI / 3) * i)).toFixed(1) + ',' + (p.y + r * Math.sin((Math.PI / 3) * i)).toFixed(1));
        add(group, 'polygon', { points: pts.join(' '), fill: d.fill, stroke: '#616161' });
      } else add(group, 'rect', { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, rx: 4, fill: d.fill, stroke: '#616161' });
      add(group, 'text', { x: p.x, y: p.y + r + 12, 'text-anchor': 'middle', 'font-size': 11 }, d.label);
      add(group, 'title', {}, d.name + ' (' + d.id + ')');
    });
    return new XMLSerializer().serializeToString(svg);
  }
  window.diplograph.viewSvg = viewSvg;

  $('svg-button').addEventListener('click', () => download(new Blob([viewSvg()], { type: 'image/svg+xml' }), 'diplograph-view.svg'));
  $('png-button').addEventListener('click', () => download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), 'diplograph-view.png'));

  function shellQuote(text) {
    return /^[A-Za-z0-9_./:-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'";
  }

  //! The command lines that draw the same view (one per actor expanded, one for the path).
  function viewCommands(format) {
    const filters = [];
    if (state.families.size < ALL_FAMILIES.length) filters.push('--type ' + [...state.families].join(','));
    if (state.statuses.size < ALL_STATUSES.length) filters.push('--status ' + [...state.statuses].join(','));
    if (state.since !== null) filters.push('--since ' + state.since);
    if (state.until !== null) filters.push('--until ' + state.until);
    const f = filters.length ? ' ' + filters.join(' ') : '';
    const lines = state.expanded.map((id) => 'diplograph export --actor ' + shellQuote(id) + ' --depth 1' + f + ' --format ' + format + ' -o ' + shellQuote(id.replace(/[^A-Za-z0-9_-]+/g, '-') + '.' + format));
    if (state.path) lines.push('diplograph path ' + shellQuote(state.path[0]) + ' ' + shellQuote(state.path[1]) + f + ' -o path.' + format);
    return lines;
  }
  window.diplograph.viewCommands = viewCommands;

  $('command-button').addEventListener('click', () => {
    const lines = viewCommands('svg');
    const pre = el('pre', 'command', lines.length ? lines.join('\n') : '# an empty view: find an actor first');
    const note = el('p', 'muted', 'Add --db FILE to name the store. The view is the union of these answers: one ego network (depth 1) per actor expanded' + (state.path ? ', and the path' : '') + '.');
    const copy = el('button', null, 'Copy');
    copy.type = 'button';
    copy.addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText(lines.join('\n')));
    setDetails('Command line', [pre, copy, note]);
  });

  // ---- start -----------------------------------------------------------------------------

  api('stats')
    .then((s) => {
      const entities = Object.entries(s.entities).filter(([k]) => k !== 'event' && k !== 'agreement').reduce((n, [, v]) => n + v, 0);
      const events = Object.values(s.events).reduce((n, v) => n + v, 0);
      $('store-stats').textContent = entities.toLocaleString('en') + ' actors · ' + events.toLocaleString('en') + ' events · ' + s.sources.toLocaleString('en') + ' sources';
    })
    .catch(showError);
  updateSliders();
})();
