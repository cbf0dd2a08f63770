// Settlement: the IPA's totals, every practice's total as a chart, and every line with the
// sentence that explains it.
import { api } from '../api.js';
import { chartBlock, point, tooltip, amountAxisLabel, unitTitle } from '../charts.js';
import { dataTable, el, facts as figures, grouped } from '../dom.js';

export function settlementView(context) {
  const results = document.getElementById('settlement-results');
  const problems = document.getElementById('settlement-problems');

  function linesTable(settlement, scope) {
    const lines = settlement.lines.filter(line => scope === '' || line.scope === scope);
    return dataTable({
      caption: scope === '' ? 'Settlement lines, every scope' : `Settlement lines of ${scope}`,
      filename: `settlement-lines${scope ? `-${scope}` : ''}.csv`,
      rows: lines,
      columns: [
        { label: 'Scope', value: l => l.scope },
        { label: 'Clause', value: l => l.clause },
        { label: 'Flow', value: l => l.flow },
        { label: 'Amount, USD', value: l => l.amount, numeric: true },
        { label: 'Explanation', value: l => l.explanation },
        {
          label: 'Rule and basis', csvLabel: 'Rule', value: l => l.rule,
          show: l => el('details', {}, el('summary', {}, 'rule and numbers'),
            el('p', {}, l.rule, l.detail ? ` (${l.detail})` : ''),
            el('dl', { class: 'basis' }, Object.entries(l.basis).flatMap(([name, value]) =>
              [el('dt', {}, name), el('dd', {}, typeof value === 'object' ? JSON.stringify(value) : grouped(value))]))),
        },
      ],
    });
  }

  async function run() {
    const settlement = await api.evaluate(context.contract(), context.facts());
    const { totals } = settlement;
    const chart = chartBlock('settlement-practices', 'What each practice receives, USD: paid directly and distributed from the IPA pool');
    const scopeSelect = el('select', { id: 'settlement-scope' },
      el('option', { value: '' }, 'every scope'),
      el('option', { value: 'IPA' }, 'the IPA'),
      totals.practices.map(p => el('option', { value: p.practiceId }, `${p.practiceId} ${p.name || ''}`)));
    const linesHolder = el('div', {}, linesTable(settlement, ''));
    scopeSelect.addEventListener('change', () => linesHolder.replaceChildren(linesTable(settlement, scopeSelect.value)));

    results.replaceChildren(
      el('h4', {}, 'The IPA'),
      figures([
        ['Payer total, USD', totals.payerTotal],
        ['IPA pool, USD', totals.ipaPool],
        ['Retained by the IPA, USD', totals.retainedByIpa],
        ['Template', `${settlement.contract.templateId} ${settlement.contract.templateVersion}`, false],
        ['Terms hash', settlement.contract.termsHash, false],
      ]),
      chart.element,
      dataTable({
        caption: 'Practice totals',
        filename: 'settlement-practice-totals.csv',
        rows: totals.practices,
        columns: [
          { label: 'Practice', value: p => p.practiceId },
          { label: 'Name', value: p => p.name },
          { label: 'Paid directly, USD', value: p => p.paidDirectly, numeric: true },
          { label: 'Distributed, USD', value: p => p.distributed, numeric: true },
          { label: 'Total, USD', value: p => p.total, numeric: true },
        ],
      }),
      el('h4', {}, 'Lines and their explanations'),
      el('div', { class: 'field' }, el('label', { for: 'settlement-scope' }, 'Show the lines of'), scopeSelect),
      linesHolder,
      el('details', {}, el('summary', {}, `Findings behind the lines (${settlement.findings.length})`),
        el('ul', {}, settlement.findings.map(f => el('li', {},
          // a finding of the contract as a whole names no clause
          `${f.scope}, ${f.clause ?? 'the contract as a whole'}: ${f.explanation}`)))));

    const names = totals.practices.map(p => p.practiceId);
    chart.show({
      legend: { top: 0 },
      tooltip: tooltip(item => `${item.name} ${totals.practices[item.dataIndex].name || ''}`),
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', ...unitTitle('USD'), axisLabel: amountAxisLabel },
      series: [
        { name: 'Paid directly', type: 'bar', stack: 'total', data: totals.practices.map(p => point(p.paidDirectly)) },
        { name: 'Distributed', type: 'bar', stack: 'total', data: totals.practices.map(p => point(p.distributed)) },
      ],
    });
    chart.on('click', params => {
      scopeSelect.value = params.name;
      scopeSelect.dispatchEvent(new Event('change'));
    });
    return chart.rendered();
  }

  return { run, problems, fields: () => context.terms.fields('/contract') };
}
