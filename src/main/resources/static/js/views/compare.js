// Compare: proposals against the contract as the template stands, on the same facts. The chart
// diverges from zero, one bar per practice, in the API's order (largest change first).
import { api } from '../api.js';
import { chartBlock, GAIN, LOSS, point, tooltip, amountAxisLabel, unitTitleBelow } from '../charts.js';
import { dataTable, el, grouped, TOTALS } from '../dom.js';

export function compareView(context) {
  const results = document.getElementById('compare-results');
  const problems = document.getElementById('compare-problems');
  const current = document.getElementById('compare-current');
  const savedHolder = document.getElementById('compare-saved');
  let fields = [];

  /** The saved proposals as checkboxes; called whenever the saved list changes. */
  function offerSaved(saved) {
    savedHolder.replaceChildren(...saved.map((proposal, index) => el('div', { class: 'field checkbox' },
      el('input', { type: 'checkbox', id: `compare-saved-${index}`, 'data-name': proposal.name }),
      el('label', { for: `compare-saved-${index}` }, `Saved: ${proposal.name} (${proposal.templateId})`))));
  }

  function proposalTables(proposal, label) {
    return [
      dataTable({
        caption: `Terms that differ: ${label}`,
        filename: `compare-${proposal.proposal}-terms.csv`,
        rows: proposal.termDifferences,
        columns: [
          { label: 'Clause', value: t => t.clause },
          { label: 'Term', value: t => t.parameter },
          { label: 'Template', value: t => (typeof t.baselineValue === 'object' ? JSON.stringify(t.baselineValue) : t.baselineValue) },
          { label: 'Proposal', value: t => (typeof t.proposalValue === 'object' ? JSON.stringify(t.proposalValue) : t.proposalValue) },
        ],
      }),
      dataTable({
        caption: `The IPA's totals: ${label}`,
        filename: `compare-${proposal.proposal}-ipa.csv`,
        rows: proposal.ipaTotals,
        columns: [
          { label: 'Total', value: t => t.item, show: t => TOTALS[t.item] ?? t.item },
          { label: 'Template, USD', value: t => t.baseline, numeric: true },
          { label: 'Proposal, USD', value: t => t.proposal, numeric: true },
          { label: 'Change, USD', value: t => t.delta, numeric: true },
        ],
      }),
      dataTable({
        caption: `Each practice, largest change first: ${label}`,
        filename: `compare-${proposal.proposal}-practices.csv`,
        rows: proposal.practices,
        columns: [
          { label: 'Practice', value: t => t.item },
          { label: 'Name', value: t => t.name },
          { label: 'Template, USD', value: t => t.baseline, numeric: true },
          { label: 'Proposal, USD', value: t => t.proposal, numeric: true },
          { label: 'Change, USD', value: t => t.delta, numeric: true },
        ],
      }),
      el('details', {}, el('summary', {}, `Every line, largest change first (${proposal.lines.length})`), dataTable({
        caption: `Settlement lines: ${label}`,
        filename: `compare-${proposal.proposal}-lines.csv`,
        rows: proposal.lines,
        columns: [
          { label: 'Scope', value: l => l.scope },
          { label: 'Clause', value: l => l.clause },
          { label: 'Rule', value: l => l.rule + (l.detail ? ` (${l.detail})` : '')
            + (l.baselineRule ? `; under the template: ${l.baselineRule}` : '') },
          { label: 'Template, USD', value: l => l.baseline, numeric: true },
          { label: 'Proposal, USD', value: l => l.proposal, numeric: true },
          { label: 'Change, USD', value: l => l.delta, numeric: true },
          { label: 'Explanation under the proposal', value: l => l.proposalExplanation ?? '' },
        ],
      })),
    ];
  }

  function draw(chart, proposal, label) {
    chart.show({
      tooltip: tooltip(item => `${item.name} ${proposal.practices[item.dataIndex].name || ''}`),
      grid: { containLabel: true, left: 16, right: 24, top: 24, bottom: 40 },
      xAxis: { type: 'value', ...unitTitleBelow('change, USD'), axisLabel: amountAxisLabel },
      yAxis: { type: 'category', inverse: true, data: proposal.practices.map(p => p.item), axisLabel: { interval: 0 } },
      series: [{
        name: `Change under ${label}`,
        type: 'bar',
        data: proposal.practices.map(p => point(p.delta, { itemStyle: { color: p.delta.startsWith('-') ? LOSS : GAIN } })),
        label: { show: true, position: 'right', formatter: item => grouped(item.data.text) },
      }],
    });
    return chart.rendered();
  }

  async function run() {
    const templateId = context.contract().templateId;
    const labels = [];
    const proposals = [];
    fields = [];
    if (current.checked) {
      fields = context.terms.fields(`/proposals/${proposals.length}`);
      labels.push('the terms as they are now');
      proposals.push(context.contract());
    }
    const saved = await context.savedProposals();
    for (const box of savedHolder.querySelectorAll('input:checked')) {
      const proposal = saved.find(p => p.name === box.dataset.name);
      if (proposal) {
        labels.push(`saved proposal “${proposal.name}”`);
        proposals.push({ templateId: proposal.templateId, overrides: proposal.overrides });
      }
    }
    if (proposals.length === 0) {
      throw Object.assign(new Error('Choose at least one proposal to compare.'), { errors: [] });
    }
    const comparison = await api.compare({ facts: context.facts(), baseline: { templateId }, proposals });
    const chart = chartBlock('compare-practices', 'Change in each practice’s total, USD, largest first');
    const choose = el('select', { id: 'compare-which' }, labels.map((label, index) => el('option', { value: String(index) }, label)));
    const tables = el('div', {});
    const baseline = comparison.baseline;
    const sides = [{ label: `the template as it stands (${baseline.templateId})`, side: baseline },
      ...comparison.proposals.map((proposal, index) => ({ label: labels[index], side: proposal.contract }))];
    results.replaceChildren(
      el('p', {}, `Against ${baseline.templateId} ${baseline.templateVersion} as it stands, on the facts of ${comparison.ipaId} for ${comparison.performanceYear}.`),
      dataTable({
        caption: 'Proposals side by side: the IPA’s totals',
        filename: 'compare-side-by-side.csv',
        rows: sides,
        columns: [
          { label: 'Contract', value: s => s.label },
          { label: 'Payer total, USD', csvLabel: 'payerTotal', value: s => s.side.totals.payerTotal, numeric: true },
          { label: 'Risk sharing, USD', csvLabel: 'riskSharing', value: s => s.side.riskSharing, numeric: true },
          { label: 'IPA pool, USD', csvLabel: 'ipaPool', value: s => s.side.totals.ipaPool, numeric: true },
          { label: 'Retained by the IPA, USD', csvLabel: 'retainedByIpa', value: s => s.side.totals.retainedByIpa, numeric: true },
        ],
      }),
      el('div', { class: 'field' }, el('label', { for: 'compare-which' }, 'Proposal shown'), choose),
      chart.element,
      tables);
    const showProposal = index => {
      tables.replaceChildren(...proposalTables(comparison.proposals[index], labels[index]));
      return draw(chart, comparison.proposals[index], labels[index]);
    };
    choose.addEventListener('change', () => showProposal(Number(choose.value)));
    return showProposal(0);
  }

  return { run, problems, offerSaved, fields: () => fields };
}
