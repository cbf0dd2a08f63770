// Small helpers for building the page: elements, tables with their CSV, downloads, number display.
// Numbers arrive from the API as decimal strings; they are shown as they are, with digit grouping
// added to the text, never converted and recomputed.

/** An element with attributes (and properties for on* handlers) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter(child => child !== undefined && child !== null));
  return element;
}

const DECIMAL = /^(-?)(\d+)(\.\d+)?$/;

/** "8484386.17" as "8,484,386.17": digit grouping on the API's own text. */
/** The IPA's totals by the API's names, as the page words them. */
export const TOTALS = { payerTotal: 'Payer total', riskSharing: 'Risk sharing', ipaPool: 'IPA pool', retainedByIpa: 'Retained by the IPA' };

export function grouped(decimal) {
  if (decimal === undefined || decimal === null) return '';
  const text = String(decimal);
  const parts = DECIMAL.exec(text);
  if (!parts) return text;
  return parts[1] + parts[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (parts[3] || '');
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV cell (RFC 4180). A text cell that a spreadsheet would run as a formula is prefixed with
 * a quote (OWASP's advice), while numbers such as -1200.00 stay numbers.
 */
function csvCell(value) {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csv(header, rows) {
  return [header, ...rows].map(row => row.map(csvCell).join(',')).join('\n') + '\n';
}

export function download(filename, href) {
  const link = el('a', { href, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadText(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(filename, url);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * A table with a caption, and a button that downloads exactly what it shows as CSV (the API's
 * values, ungrouped). Columns: { label, value: row => raw value, show: row => node or text,
 * numeric }; `show` defaults to the value, grouped when numeric.
 */
export function dataTable({ caption, columns, rows, filename }) {
  const head = el('tr', {}, columns.map(column => el('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label)));
  const body = rows.map(row => el('tr', {}, columns.map((column, index) => {
    const raw = column.value(row);
    const shown = column.show ? column.show(row) : column.numeric ? grouped(raw) : raw;
    return el(index === 0 ? 'th' : 'td', { scope: index === 0 ? 'row' : null, class: column.numeric ? 'num' : null }, shown ?? '');
  })));
  const table = el('table', {}, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, body));
  const text = () => csv(columns.map(column => column.csvLabel || column.label), rows.map(row => columns.map(column => column.value(row))));
  const button = el('button', { type: 'button', class: 'download', onclick: () => downloadText(filename, text(), 'text/csv') },
    `Download CSV: ${caption}`);
  return el('div', { class: 'table-block' }, el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, table), button);
}

/** A definition list of label/value pairs, values grouped when numeric. */
export function facts(pairs) {
  return el('dl', { class: 'figures' }, pairs.flatMap(([label, value, numeric = true]) =>
    [el('dt', {}, label), el('dd', {}, numeric ? grouped(value) : value ?? '')]));
}
