// Sweep: the contract settled at every point of one term's range (lines: the IPA's outcome and
// the practices chosen) or of two terms' ranges (a heat map of the IPA's outcome).
import { api } from '../api.js';
import { chartBlock, COLOURS, escapeHtml, point, tooltip, amountAxisLabel, unitTitle } from '../charts.js';
import { dataTable, el, grouped, TOTALS } from '../dom.js';

/** A first step to offer for a term's type; the person changes it as they like. */
const STEP_BY_TYPE = { rate: '0.05', count: '1' };

export function sweepView(context) {
  const results = document.getElementById('sweep-results');
  const problems = document.getElementById('sweep-problems');
  const two = document.getElementById('sweep-two');
  const second = document.getElementById('sweep-second');
  const practicesSelect = document.getElementById('sweep-practices');
  const input = (name, index) => document.getElementById(`sweep-${name}-${index}`);
  let terms = [];

  two.addEventListener('change', () => {
    second.hidden = !two.checked;
    for (const name of ['start', 'end', 'step']) input(name, 1).required = two.checked;
  });

  function prefill(index) {
    const parameter = terms.find(p => p.name === input('parameter', index).value);
    if (!parameter) return;
    const inForce = context.terms.inForce(parameter.name);
    input('start', index).value = parameter.minimum ?? inForce;
    input('end', index).value = parameter.maximum ?? inForce;
    input('step', index).value = STEP_BY_TYPE[parameter.type] ?? '';
  }

  for (const index of [0, 1]) input('parameter', index).addEventListener('change', () => prefill(index));

  /** The terms a sweep may vary, offered when the template changes. */
  function offerTerms(sweepable) {
    terms = sweepable;
    for (const index of [0, 1]) {
      const select = input('parameter', index);
      select.replaceChildren(...terms.map(p => el('option', { value: p.name }, `${p.name} (${p.unit})`)));
      // start from the first two rates (the terms most often negotiated), else the first terms
      const rates = terms.filter(p => p.type === 'rate');
      const offered = rates.length >= 2 ? rates : terms;
      select.value = offered[Math.min(index, offered.length - 1)]?.name ?? '';
      prefill(index);
    }
  }

  function offerPractices(practices) {
    practicesSelect.replaceChildren(...practices.map(p => el('option', { value: p.id }, `${p.id} ${p.name || ''}`)));
  }

  function range(index) {
    return { parameter: input('parameter', index).value, start: input('start', index).value.trim(), end: input('end', index).value.trim(), step: input('step', index).value.trim() };
  }

  /** A swept term's axis title: its name and unit, "maximumSharingRate (rate)". */
  function termTitle(name) {
    const unit = terms.find(p => p.name === name)?.unit;
    return unit ? `${name} (${unit})` : name;
  }

  function lines(chart, result, outcome, chosen) {
    const parameter = result.parameters[0];
    const practiceTotal = (p, id) => p.practices.find(t => t.practiceId === id).total;
    chart.show({
      legend: { top: 0 },
      grid: { containLabel: true, left: 16, right: 24, top: 48, bottom: 40 }, // room for the term's title below its values
      tooltip: tooltip(item => `${parameter} = ${item.name}`),
      xAxis: { type: 'category', name: termTitle(parameter), nameLocation: 'middle', nameGap: 28, data: result.points.map(p => p.values[parameter]) },
      yAxis: { type: 'value', ...unitTitle('USD'), axisLabel: amountAxisLabel },
      series: [
        { name: `IPA: ${TOTALS[outcome]}`, type: 'line', data: result.points.map(p => point(p[outcome])) },
        ...chosen.map(id => ({ name: `${id} total`, type: 'line', data: result.points.map(p => point(practiceTotal(p, id))) })),
      ],
    });
  }

  function heatMap(chart, result, outcome) {
    const [first, secondTerm] = result.parameters;
    const distinct = name => [...new Set(result.points.map(p => p.values[name]))];
    const xs = distinct(first);
    const ys = distinct(secondTerm);
    const cells = result.points.map(p => point(p[outcome], { value: [xs.indexOf(p.values[first]), ys.indexOf(p.values[secondTerm]), Number(p[outcome])] }));
    // the colour scale runs from the lowest to the highest outcome the API returned
    const byValue = [...result.points].sort((a, b) => Number(a[outcome]) - Number(b[outcome]));
    const lowest = byValue[0][outcome];
    const highest = byValue[byValue.length - 1][outcome];
    chart.show({
      tooltip: {
        trigger: 'item',
        formatter: item => escapeHtml(`${first} = ${xs[item.value[0]]}, ${secondTerm} = ${ys[item.value[1]]}: ${TOTALS[outcome]} ${grouped(item.data.text)}`),
      },
      grid: { containLabel: true, left: 40, right: 24, top: 24, bottom: 72 },
      xAxis: { type: 'category', name: termTitle(first), nameLocation: 'middle', nameGap: 28, data: xs },
      yAxis: { type: 'category', name: termTitle(secondTerm), nameLocation: 'middle', nameGap: 48, data: ys },
      visualMap: {
        min: Number(lowest), max: Number(highest) === Number(lowest) ? Number(lowest) + 1 : Number(highest),
        calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        text: [grouped(highest), grouped(lowest)], inRange: { color: ['#f7fbff', COLOURS[0]] },
      },
      series: [{ name: TOTALS[outcome], type: 'heatmap', data: cells }],
    });
  }

  async function run() {
    const vary = [range(0)];
    if (two.checked) vary.push(range(1));
    const outcome = document.getElementById('sweep-outcome').value;
    const chosen = two.checked ? [] : [...practicesSelect.selectedOptions].map(o => o.value);
    // A swept term takes the range's values: the terms panel's own value for it is left out of the overrides.
    const contract = context.contract();
    const overrides = Object.fromEntries(Object.entries(contract.overrides || {})
      .filter(([name]) => !vary.some(r => r.parameter === name)));
    const result = await api.sweep({ contract: { ...contract, overrides }, facts: context.facts(), vary });
    const caption = two.checked
      ? `The IPA's ${TOTALS[outcome].toLowerCase()}, USD, at every pair of ${result.parameters.join(' and ')}`
      : `The IPA's ${TOTALS[outcome].toLowerCase()}${chosen.length ? ' and the chosen practices’ totals' : ''}, USD, against ${result.parameters[0]}`;
    const chart = chartBlock('sweep', caption);
    const practiceTotal = (p, id) => p.practices.find(t => t.practiceId === id).total;
    results.replaceChildren(
      el('p', {}, `${result.points.length} points of ${result.templateId}, each settled as an evaluation on the facts of ${result.ipaId} for ${result.performanceYear}.`),
      chart.element,
      dataTable({
        caption: `Every point of the sweep (${result.points.length})`,
        filename: 'sweep.csv',
        rows: result.points,
        columns: [
          ...result.parameters.map(name => ({ label: name, value: p => p.values[name] })),
          ...Object.entries(TOTALS).map(([key, label]) => ({ label: `${label}, USD`, csvLabel: key, value: p => p[key], numeric: true })),
          ...chosen.map(id => ({ label: `${id} total, USD`, csvLabel: id, value: p => practiceTotal(p, id), numeric: true })),
        ],
      }));
    if (two.checked) heatMap(chart, result, outcome);
    else lines(chart, result, outcome, chosen);
    return chart.rendered();
  }

  const fields = () => [
    ...context.terms.fields('/contract'),
    ...[0, 1].flatMap(index => [
      [`/vary/${index}/parameter`, input('parameter', index)], [`/vary/${index}/start`, input('start', index)],
      [`/vary/${index}/end`, input('end', index)], [`/vary/${index}/step`, input('step', index)], [`/vary/${index}`, input('step', index)],
    ]),
    ['/vary', input('step', 0)],
  ];

  return { run, problems, fields, offerTerms, offerPractices };
}
