// Draws each lifecycle diagram of the page from the states and arrows the server wrote in data-lifecycle.
//
// Why dagre and an SVG of our own rather than a diagram library: under our CSP (style-src 'self', no inline
// style), Mermaid's <style> element and style attributes are refused, and its diagram comes out as black
// boxes with unreadable labels; Graphviz in WebAssembly (@viz-js/viz) needs 'wasm-unsafe-eval', and its
// 3.31.0 build fails to compile in Debian's Chromium 156 even without a CSP. dagre only computes the layout;
// we draw with presentation attributes and the classes of site.css (DSFR colours, light and dark), so the
// page keeps the site's CSP unchanged.
import dagre from '../lib/dagre/dagre.esm.js';

const SVG = 'http://www.w3.org/2000/svg';
const LINE = 1.25; // em, between the lines of a wrapped label
const START = 'cohorts-start';

function element(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  parent?.append(node);
  return node;
}

// Long French labels ("En attente de l'avis hiérarchique") go on a few short lines so the boxes stay narrow.
function lines(label, width) {
  const result = [];
  for (const word of label.split(' ')) {
    const last = result.length - 1;
    if (last >= 0 && result[last].length + 1 + word.length <= width) result[last] += ` ${word}`;
    else result.push(word);
  }
  return result;
}

// A label centred on (0, 0), measured with the page's own font once it is in the document.
function label(parent, text, width, className) {
  const group = element('g', { class: className }, parent);
  const textNode = element('text', { 'text-anchor': 'middle', 'dominant-baseline': 'central' }, group);
  const rows = lines(text, width);
  rows.forEach((row, index) => {
    const tspan = element('tspan', { x: 0, dy: `${index === 0 ? -((rows.length - 1) * LINE) / 2 : LINE}em` }, textNode);
    // The space a line break replaced stays in the text, so the label reads whole when copied or read out.
    tspan.textContent = index < rows.length - 1 ? `${row} ` : row;
  });
  const box = textNode.getBBox();
  return { group, width: box.width, height: box.height };
}

// A smooth line through dagre's bend points; its last segment keeps the direction the arrowhead takes.
function curve(points) {
  const mid = (a, b) => `${(a.x + b.x) / 2},${(a.y + b.y) / 2}`;
  let d = `M${points[0].x},${points[0].y}`;
  if (points.length > 2) d += `L${mid(points[0], points[1])}`;
  for (let i = 1; i < points.length - 1; i++) d += `Q${points[i].x},${points[i].y} ${mid(points[i], points[i + 1])}`;
  const end = points[points.length - 1];
  return `${d}L${end.x},${end.y}`;
}

function draw(figure) {
  const diagram = JSON.parse(figure.dataset.lifecycle);
  figure.hidden = false;
  const titleId = `${figure.id}-titre`;
  const head = `${figure.id}-fleche`;
  const svg = element('svg', { role: 'img', 'aria-labelledby': titleId, class: 'cohorts-lifecycle__drawing' });
  element('title', { id: titleId }, svg).textContent = figure.dataset.title;
  const marker = element('marker', {
    id: head, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto',
  }, element('defs', {}, svg));
  element('path', { d: 'M0,0L10,5L0,10z', class: 'cohorts-lifecycle__head' }, marker);
  const arrows = element('g', {}, svg);
  const states = element('g', {}, svg);
  figure.insertBefore(svg, figure.querySelector('figcaption'));

  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 36, edgesep: 12, marginx: 4, marginy: 4 });
  const arrowLine = (arrowhead) => element('path', { class: 'cohorts-lifecycle__line', ...(arrowhead && { 'marker-end': `url(#${head})` }) }, arrows);
  const dot = (id, radius, className) =>
    graph.setNode(id, { width: 2 * radius, height: 2 * radius, shape: element('circle', { r: radius, class: className }, states) });

  dot(START, 7, 'cohorts-lifecycle__start');
  for (const state of diagram.states) {
    const kind = state.final ? ' cohorts-lifecycle__state--final' : '';
    const text = label(states, state.label, 18, `cohorts-lifecycle__state${kind}`);
    const box = element('rect', { rx: 8, ry: 8 });
    text.group.prepend(box);
    graph.setNode(state.id, { width: text.width + 24, height: text.height + 16, shape: text.group, box });
    if (state.initial) graph.setEdge(START, state.id, { width: 0, height: 0, line: arrowLine(true) }, 'start');
  }
  diagram.arrows.forEach((arrow, n) => {
    const text = label(arrows, arrow.label, 20, 'cohorts-lifecycle__trigger');
    const labelled = { width: text.width + 8, height: text.height + 4, labelpos: 'c', text, line: arrowLine(true) };
    // A move from several states is drawn as in UML: the lines meet at a junction point and one labelled arrow
    // leaves it; eight "Retirer la candidature" labels would bury the diagram. A move back to its own state goes
    // through a junction too: dagre 3.1.3 gives a self-loop bend points that miss its node.
    if (arrow.from.length === 1 && arrow.from[0] !== arrow.to) {
      graph.setEdge(arrow.from[0], arrow.to, labelled, `arrow-${n}`);
      return;
    }
    const junction = `junction-${n}`;
    dot(junction, 4, 'cohorts-lifecycle__junction');
    for (const from of arrow.from) graph.setEdge(from, junction, { width: 0, height: 0, line: arrowLine(false) }, `arrow-${n}-${from}`);
    graph.setEdge(junction, arrow.to, labelled, `arrow-${n}`);
  });

  dagre.layout(graph);

  for (const id of graph.nodes()) {
    const { shape, box, x, y, width, height } = graph.node(id);
    if (box) {
      shape.setAttribute('transform', `translate(${x},${y})`);
      for (const [name, value] of Object.entries({ x: -width / 2, y: -height / 2, width, height })) box.setAttribute(name, value);
    } else {
      shape.setAttribute('cx', x);
      shape.setAttribute('cy', y);
    }
  }
  for (const edge of graph.edges()) {
    const { line, text, points, x, y } = graph.edge(edge);
    line.setAttribute('d', curve(points));
    text?.group.setAttribute('transform', `translate(${x},${y})`);
  }
  const { width, height } = graph.graph();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
}

document.querySelectorAll('figure[data-lifecycle]').forEach(draw);
