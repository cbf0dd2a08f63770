// Charts drawn with Apache ECharts (served by Accord from its WebJar). Every value plotted and
// every label shown is the API's; the chart only places them. Tooltips are written here with
// every text escaped, since practice names come from uploaded files.
import { download, el, grouped } from './dom.js';

/** Okabe and Ito's palette: told apart with the common colour-vision deficiencies. */
export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#56B4E9', '#CC79A7', '#000000', '#F0E442'];
export const GAIN = '#0072B2';
export const LOSS = '#D55E00';

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A plotted point that keeps the API's text beside the number ECharts needs for its position. */
export function point(decimal, extra = {}) {
  return { value: Number(decimal), text: decimal, ...extra };
}

const BASE = {
  animation: false,
  color: COLOURS,
  aria: { enabled: true },
  textStyle: { fontFamily: 'system-ui, sans-serif' },
  grid: { containLabel: true, left: 16, right: 24, top: 48, bottom: 24 },
};

/**
 * A value axis's title: its unit (the caption says what is plotted). Drawn at the axis's end, above
 * a vertical axis; below a horizontal one, where the end would run past the chart's right edge.
 */
export const unitTitle = unit => ({ name: unit, nameTextStyle: { color: '#4a4a4a' } });
export const unitTitleBelow = unit => ({ ...unitTitle(unit), nameLocation: 'middle', nameGap: 28 });

/** Axis labels: the number grouped, as a person reads an amount. */
export const amountAxisLabel = { formatter: value => grouped(String(value)) };

/** A tooltip listing each series' exact value (the API's text) for the hovered item. */
export function tooltip(title) {
  return {
    trigger: 'axis',
    formatter: items => {
      const list = Array.isArray(items) ? items : [items];
      const head = escapeHtml(title ? title(list[0]) : list[0].name);
      const lines = list.map(item => `${item.marker}${escapeHtml(item.seriesName)}: <b>${escapeHtml(grouped(item.data?.text ?? item.value))}</b>`);
      return [head, ...lines].join('<br>');
    },
  };
}

let library;

/**
 * ECharts (about 1 MB) is loaded when the first chart needs it, or when the page is idle after
 * its first view, so that it never delays the terms and facts.
 */
export function loadCharts() {
  library ??= new Promise((resolve, reject) => {
    const script = el('script', { src: '/webjars/echarts/dist/echarts.min.js' });
    script.addEventListener('load', () => resolve(window.echarts));
    script.addEventListener('error', () => reject(new Error('the charting library could not be loaded')));
    document.head.append(script);
  });
  return library;
}

/**
 * A chart with its caption and a PNG download. {@code rendered()} resolves once ECharts has drawn
 * the latest option, for the timings the browser tests report.
 */
export function chartBlock(name, caption) {
  const container = el('div', { class: 'chart', role: 'img', 'aria-label': caption });
  const figure = el('figure', { class: 'chart-block' }, container, el('figcaption', {}, caption));
  let instance;
  let drawn = Promise.resolve();
  const button = el('button', {
    type: 'button', class: 'download',
    onclick: () => download(`${name}.png`, instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })),
  }, `Download PNG: ${caption}`);
  figure.append(button);
  return {
    element: figure,
    show(option) {
      drawn = loadCharts().then(echarts => new Promise(resolve => {
        instance ??= echarts.init(container, null, { renderer: 'canvas' });
        instance.on('finished', function done() {
          instance.off('finished', done);
          resolve();
        });
        instance.setOption({ ...BASE, ...option }, true);
        instance.resize();
      }));
    },
    rendered: () => drawn,
    on: (event, handler) => drawn.then(() => instance.on(event, handler)),
  };
}

window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach(c => window.echarts?.getInstanceByDom(c)?.resize()));
