// Simulate: the distribution of the IPA's payout over chance performance years (the API counts
// the histogram's bins), each practice's probability of earning savings and of owing losses, and
// the model stated beside them. The simulation runs as a job on the server: the page reads the
// job every few tenths of a second and shows the trials it has settled (the bar stays
// indeterminate while the job waits for a free slot, never a made-up share); "Cancel" cancels it.
import { api, Problem } from '../api.js';
import { chartBlock, GAIN, LOSS, point, tooltip, unitTitle, unitTitleBelow } from '../charts.js';
import { dataTable, el, facts as figures, grouped } from '../dom.js';

export function simulateView(context) {
  const results = document.getElementById('simulate-results');
  const problems = document.getElementById('simulate-problems');
  const progress = document.getElementById('simulate-progress');
  const progressText = document.getElementById('simulate-progress-text');
  const stop = document.getElementById('simulate-stop');
  const value = id => document.getElementById(id).value.trim();
  let waiting = null;

  stop.addEventListener('click', () => waiting?.abort());

  function request() {
    const whole = text => (/^-?\d+$/.test(text) ? Number(text) : text);
    return {
      contract: context.contract(),
      facts: context.facts(),
      trials: whole(value('simulate-trials')),
      seed: whole(value('simulate-seed')),
      expectedCost: value('simulate-expected-cost'),
      coefficientOfVariation: value('simulate-cv'),
      costDistribution: value('simulate-distribution'),
      varyQuality: document.getElementById('simulate-vary-quality').checked,
    };
  }

  const FINAL = new Set(['succeeded', 'failed', 'cancelled']);
  const bar = document.getElementById('simulate-progress-bar');
  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
  // a job's problems point into its request under /simulate; the form's fields are the request's own
  const unprefixed = errors => errors.map(e => ({ ...e, pointer: e.pointer?.replace(/^\/simulate(?=\/|$)/, '') }));

  /** Runs the request as a job while the progress shows the trials it has settled; resolves with the result. */
  async function withProgress(body) {
    waiting = new AbortController();
    const { signal } = waiting;
    const trials = grouped(String(body.trials));
    const show = job => {
      if (job.total > 0) {
        bar.max = job.total;
        bar.value = job.done;
        progressText.textContent = `Simulating ${trials} trials on the server: ${grouped(String(job.done))} of ${grouped(String(job.total))} trials done.`;
      } else {
        bar.removeAttribute('value');
        progressText.textContent = `Simulating ${trials} trials on the server: ${job.state === 'queued' ? 'waiting for a free slot' : 'starting'}.`;
      }
    };
    progress.hidden = false;
    stop.hidden = false;
    bar.removeAttribute('value');
    progressText.textContent = `Simulating ${trials} trials on the server: sending.`;
    context.announce(`Simulation of ${trials} trials started.`);
    try {
      let job;
      try {
        job = await api.createJob('simulate', body);
      } catch (error) {
        if (error instanceof Problem) error.errors = unprefixed(error.errors);
        throw error;
      }
      let cancelAsked = false;
      while (!FINAL.has(job.state)) {
        show(job);
        await pause(250);
        if (signal.aborted && !cancelAsked) {
          cancelAsked = true; // the server stops the job at its next batch of trials
          job = await api.cancelJob(job.id);
        } else {
          job = await api.job(job.id);
        }
      }
      show(job);
      if (job.state === 'succeeded') return await api.jobResult(job.id);
      if (job.state === 'cancelled') throw new Problem(0, { title: 'Simulation cancelled', detail: `Cancelled after ${grouped(String(job.done))} of ${trials} trials; nothing was stored.` });
      throw new Problem(422, { title: 'The simulation failed', detail: job.failure, errors: unprefixed(job.errors || []) });
    } finally {
      progress.hidden = true;
      stop.hidden = true;
      waiting = null;
    }
  }

  async function run() {
    const result = await withProgress(request());
    const { ipa } = result;
    const histogram = chartBlock('simulate-payout-histogram', `The payer's total payout over ${grouped(String(result.trials))} simulated years: trials per range, USD`);
    const chances = chartBlock('simulate-practice-chances', 'Each practice’s probability of earning savings and of owing losses');
    const bins = result.payoutHistogram.bins;
    results.replaceChildren(
      el('h4', {}, 'The IPA'),
      figures([
        ['Expected payout, USD', ipa.expectedValue],
        ['Its standard error, USD', ipa.expectedValueStandardError],
        ['5th percentile, USD', ipa.payout.p5],
        ['Median, USD', ipa.payout.p50],
        ['95th percentile, USD', ipa.payout.p95],
        ['Probability of earning savings', ipa.probabilityOfSavings],
        ['Probability of owing losses', ipa.probabilityOfLosses],
        ['Payout of the facts as reported, USD', ipa.observedPayout],
      ]),
      el('div', { class: 'side-by-side' }, histogram.element,
        el('aside', { class: 'model', 'aria-labelledby': 'simulate-model-heading' },
          el('h4', { id: 'simulate-model-heading' }, 'The model'), el('p', {}, result.model))),
      dataTable({
        caption: 'Payout histogram',
        filename: 'simulate-payout-histogram.csv',
        rows: bins,
        columns: [
          { label: 'From, USD (included)', csvLabel: 'from', value: b => b.from, numeric: true },
          { label: 'To, USD (excluded)', csvLabel: 'to', value: b => b.to, numeric: true },
          { label: 'Trials', csvLabel: 'trials', value: b => b.trials, numeric: true },
        ],
      }),
      chances.element,
      dataTable({
        caption: 'Each practice over the simulated years',
        filename: 'simulate-practices.csv',
        rows: result.practices,
        columns: [
          { label: 'Practice', value: o => o.scope },
          { label: 'Name', value: o => o.name },
          { label: 'Members', value: o => o.members, numeric: true },
          { label: 'Probability of savings', value: o => o.probabilityOfSavings, numeric: true },
          { label: 'Probability of losses', value: o => o.probabilityOfLosses, numeric: true },
          { label: 'Expected payout, USD', value: o => o.expectedValue, numeric: true },
          { label: 'Standard error, USD', value: o => o.expectedValueStandardError, numeric: true },
          { label: '5th percentile, USD', value: o => o.payout.p5, numeric: true },
          { label: 'Median, USD', value: o => o.payout.p50, numeric: true },
          { label: '95th percentile, USD', value: o => o.payout.p95, numeric: true },
          { label: 'Observed payout, USD', value: o => o.observedPayout, numeric: true },
        ],
      }));
    histogram.show({
      tooltip: tooltip(item => `${grouped(bins[item.dataIndex].from)} to ${grouped(bins[item.dataIndex].to)}`),
      xAxis: { type: 'category', data: bins.map(b => grouped(b.from).replace(/\.00$/, '')), name: 'payout from, USD', nameLocation: 'middle', nameGap: 64, axisLabel: { rotate: 30 } },
      grid: { containLabel: true, left: 16, right: 24, top: 48, bottom: 48 },
      yAxis: { type: 'value', ...unitTitle('trials') },
      series: [{ name: 'Trials', type: 'bar', barCategoryGap: '5%', data: bins.map(b => point(String(b.trials))) }],
    });
    chances.show({
      legend: { top: 0 },
      tooltip: tooltip(item => `${item.name} ${result.practices[item.dataIndex].name || ''}`),
      grid: { containLabel: true, left: 16, right: 24, top: 48, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: 1, ...unitTitleBelow('probability') },
      yAxis: { type: 'category', inverse: true, data: result.practices.map(o => o.scope), axisLabel: { interval: 0 } },
      series: [
        { name: 'Probability of savings', type: 'bar', itemStyle: { color: GAIN }, data: result.practices.map(o => point(o.probabilityOfSavings)) },
        { name: 'Probability of losses', type: 'bar', itemStyle: { color: LOSS }, data: result.practices.map(o => point(o.probabilityOfLosses)) },
      ],
    });
    await Promise.all([histogram.rendered(), chances.rendered()]);
    context.announce('Simulation finished.');
  }

  const fields = () => [
    ...context.terms.fields('/contract'),
    ['/trials', document.getElementById('simulate-trials')], ['/seed', document.getElementById('simulate-seed')],
    ['/expectedCost', document.getElementById('simulate-expected-cost')], ['/expectedCostPerMember', document.getElementById('simulate-expected-cost')],
    ['/coefficientOfVariation', document.getElementById('simulate-cv')], ['/costDistribution', document.getElementById('simulate-distribution')],
    ['/varyQuality', document.getElementById('simulate-vary-quality')],
  ];

  return { run, problems, fields };
}
