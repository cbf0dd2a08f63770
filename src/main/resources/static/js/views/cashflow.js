// Cash flow: the contract's money by month against the monthly costs, the cumulative net drawn
// as a line and the month it first turns positive (as the API finds it) marked.
import { api } from '../api.js';
import { chartBlock, GAIN, LOSS, point, tooltip, amountAxisLabel, unitTitle } from '../charts.js';
import { dataTable, el, facts as figures } from '../dom.js';

// As the API's months: they run to the reconciliation month only when a line paid then is other than 0.00.
function paysAtReconciliation(result) {
  return result.lines.some(line => line.timing !== 'monthly' && Number(line.amount) !== 0);
}

export function cashFlowView(context) {
  const results = document.getElementById('cash-flow-results');
  const problems = document.getElementById('cash-flow-problems');
  const scope = document.getElementById('cash-flow-scope');
  const costs = document.getElementById('cash-flow-costs');

  function offerPractices(practices) {
    scope.replaceChildren(el('option', { value: 'IPA' }, 'the IPA and its practices together'),
      ...practices.map(p => el('option', { value: p.id }, `${p.id} ${p.name || ''}`)));
  }

  async function run() {
    // One amount a line (or separated by ';'): a comma is a thousands separator, as the page writes amounts
    // ("1,000,000" is one cost, not three), and a dollar sign or spaces around the figure are left out.
    const monthlyCosts = costs.value.split(/[\n;]+/).map(line => line.replace(/[$,\s]/g, '')).filter(Boolean);
    const result = await api.cashFlow({
      contract: context.contract(),
      facts: context.facts(),
      scope: scope.value,
      monthlyCosts,
      payForPerformance: document.getElementById('cash-flow-p4p').value,
    });
    const clauses = [...new Set(result.months.flatMap(m => Object.keys(m.byClause)))];
    const turns = result.firstPositiveMonth
      ? `The cumulative net turns positive in ${result.firstPositiveMonth}, month ${result.monthsToFirstPositive}.`
      : 'The cumulative net does not turn positive in these months.';
    const chart = chartBlock('cash-flow', `Net cash by month and cumulative net, USD, for ${result.name || result.scope}`);
    results.replaceChildren(
      el('p', { class: 'headline' }, turns),
      figures([
        ['Total inflow, USD', result.totalInflow],
        ['Total cost, USD', result.totalCost],
        paysAtReconciliation(result)
          ? ['Reconciliation paid in', `${result.reconciliationMonth} (month ${result.monthsToReconciliation}, ${result.reconciliationLagMonths} ${result.reconciliationLagMonths === 1 ? 'month' : 'months'} after the period)`, false]
          : ['Reconciliation', `nothing paid (the contract's would be in ${result.reconciliationMonth}, month ${result.monthsToReconciliation})`, false],
      ]),
      el('p', {}, result.timing),
      chart.element,
      dataTable({
        caption: 'Month by month',
        filename: 'cash-flow.csv',
        rows: result.months,
        columns: [
          { label: 'Month', value: m => m.month },
          { label: 'Number', value: m => m.number, numeric: true },
          ...clauses.map(clause => ({ label: `${clause}, USD`, csvLabel: clause, value: m => m.byClause[clause] ?? '', numeric: true })),
          { label: 'Monthly, USD', csvLabel: 'monthly', value: m => m.monthly, numeric: true },
          { label: 'Reconciliation, USD', csvLabel: 'reconciliation', value: m => m.reconciliation, numeric: true },
          { label: 'Inflow, USD', csvLabel: 'inflow', value: m => m.inflow, numeric: true },
          { label: 'Cost, USD', csvLabel: 'cost', value: m => m.cost, numeric: true },
          { label: 'Net, USD', csvLabel: 'net', value: m => m.net, numeric: true },
          { label: 'Cumulative net, USD', csvLabel: 'cumulativeNet', value: m => m.cumulativeNet, numeric: true },
        ],
      }));
    const months = result.months.map(m => m.month);
    chart.show({
      legend: { top: 0 },
      tooltip: tooltip(item => `${item.name} (month ${result.months[item.dataIndex].number})`),
      xAxis: { type: 'category', data: months, axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', ...unitTitle('USD'), axisLabel: amountAxisLabel },
      series: [
        { name: 'Net', type: 'bar', data: result.months.map(m => point(m.net, { itemStyle: { color: m.net.startsWith('-') ? LOSS : GAIN } })) },
        {
          name: 'Cumulative net', type: 'line', itemStyle: { color: '#000000' }, data: result.months.map(m => point(m.cumulativeNet)),
          markLine: result.firstPositiveMonth ? {
            symbol: 'none',
            lineStyle: { color: '#009E73', width: 2, type: 'dashed' },
            label: { formatter: `turns positive: ${result.firstPositiveMonth}`, position: 'end', align: 'right', padding: [0, 6, 0, 0] },
            data: [{ xAxis: result.firstPositiveMonth }],
          } : undefined,
        },
      ],
    });
    return chart.rendered();
  }

  const fields = () => [
    ...context.terms.fields('/contract'),
    ['/scope', scope], ['/monthlyCosts', costs], ['/payForPerformance', document.getElementById('cash-flow-p4p')],
  ];

  return { run, problems, fields, offerPractices };
}
