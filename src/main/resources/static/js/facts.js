// The facts: an example the server ships, or the IPA's own file dropped on the page (JSON facts,
// or a CSV of practices with the IPA and period typed beside it). The file's text goes to the
// server as it is; what is shown is what the server read, with its own totals.
import { api } from './api.js';
import { dataTable, el, facts as figures } from './dom.js';
import { clearProblems, showProblems } from './problems.js';

// The period's inputs are the form's elements that name a field of the period (data-period): the
// request and the problems' places are both read from them, so no field is in one and not the other.
const periodInputs = () => [...document.querySelectorAll('#csv-period [data-period]')];

const CSV_FIELDS = () => [
  ['/ipa/id', 'csv-ipa-id'], ['/ipa/name', 'csv-ipa-name'], ['/ipa', 'csv-ipa-id'],
  ...periodInputs().map(input => [`/period/${input.dataset.period}`, input.id]),
  ['/period', 'csv-year'], ['/practicesCsv', 'facts-file'],
];

/**
 * @param onRead called with {reading, source} once the server has read facts: the reading is
 *               the API's FactsReading, the source {example: id} or {file: name}
 */
export function factsPanel(onRead) {
  const exampleSelect = document.getElementById('example');
  const problems = document.getElementById('facts-problems');
  const dropZone = document.getElementById('drop-zone');
  const fileInput = document.getElementById('facts-file');
  const csvForm = document.getElementById('csv-period');
  const summary = document.getElementById('facts-summary');
  const fields = CSV_FIELDS().map(([pointer, id]) => [pointer, document.getElementById(id)]);
  let pendingCsv = null;

  async function read(how, source) {
    clearProblems(problems, fields);
    summary.setAttribute('aria-busy', 'true');
    try {
      const reading = await how();
      show(reading, source);
      onRead(reading, source);
    } catch (problem) {
      showProblems(problem, problems, source.file ? fields : []);
    } finally {
      summary.removeAttribute('aria-busy');
    }
  }

  /** The period's other inputs the server read (an agreement start, a finding), named as the CSV form names them. */
  function otherPeriodFigures(period) {
    const shownAbove = ['performanceYear', 'start', 'end', 'benchmarkExpenditure'];
    return periodInputs()
      .filter(input => !shownAbove.includes(input.dataset.period) && period[input.dataset.period] != null)
      .map(input => {
        const read = period[input.dataset.period];
        const label = input.labels[0].textContent;
        return typeof read === 'boolean' ? [label, read ? 'yes' : 'no', false]
          : [label, String(read), input.inputMode === 'decimal' || input.dataset.kind === 'whole'];
      });
  }

  function show(reading, source) {
    const { facts, summary: totals } = reading;
    const from = source.example ? `example “${source.example}”`
      : source.factsId ? `stored facts ${source.factsId.slice(0, 19)}…` : `file ${source.file}`;
    summary.replaceChildren(
      el('h3', {}, `What the server read (${from})`),
      figures([
        ['IPA', `${facts.ipa.name || ''} (${facts.ipa.id})`, false],
        ['Performance year', String(facts.period.performanceYear), false],
        ['Period', `${facts.period.start || '…'} to ${facts.period.end || '…'}`, false],
        ['Benchmark expenditure, USD', facts.period.benchmarkExpenditure ?? 'not given'],
        ...otherPeriodFigures(facts.period),
        ['Practices', String(totals.practices)],
        ['Attributed members', String(totals.attributedMembers)],
        ['Member months', String(totals.memberMonths)],
        ['Total cost of care, USD', totals.totalCostOfCare],
        ['Fee-schedule allowed amounts, USD', totals.feeScheduleAllowedAmount],
      ]),
      dataTable({
        caption: 'Quality measures, all practices',
        filename: 'facts-measures.csv',
        rows: totals.measures,
        columns: [
          { label: 'Measure', value: m => m.measureId },
          { label: 'Practices reporting', value: m => m.practices, numeric: true },
          { label: 'Numerator', value: m => m.numerator, numeric: true },
          { label: 'Denominator', value: m => m.denominator, numeric: true },
          { label: 'Exclusions', value: m => m.exclusions, numeric: true },
        ],
      }),
      el('details', {}, el('summary', {}, `Every practice as read (${totals.practices})`), dataTable({
        caption: 'Practices as read',
        filename: 'facts-practices.csv',
        rows: facts.practices,
        columns: [
          { label: 'Practice', value: p => p.id },
          { label: 'Name', value: p => p.name },
          { label: 'Attributed members', value: p => p.attributedMembers, numeric: true },
          { label: 'Member months', value: p => p.memberMonths, numeric: true },
          { label: 'Average risk score', value: p => p.averageRiskScore, numeric: true },
          { label: 'Total cost of care, USD', value: p => p.totalCostOfCare, numeric: true },
          { label: 'Measures reported', value: p => (p.qualityMeasures || []).map(m => m.measureId).join(' ') },
        ],
      })));
  }

  /** Facts the server stored under their id (a stored proposal's link names them). */
  function loadStored(factsId) {
    return read(() => api.storedFacts(factsId), { factsId });
  }

  function loadExample(id) {
    exampleSelect.value = id;
    return read(() => api.example(id), { example: id });
  }

  async function takeFile(file) {
    if (!file) return;
    const text = await file.text();
    if (/\.csv$/i.test(file.name) || file.type === 'text/csv') {
      pendingCsv = { text, name: file.name };
      csvForm.hidden = false;
      document.getElementById('csv-file-name').textContent = file.name;
      document.getElementById('csv-ipa-id').focus();
    } else {
      csvForm.hidden = true;
      await read(() => api.readFacts(text), { file: file.name });
    }
  }

  document.getElementById('example-form').addEventListener('submit', event => {
    event.preventDefault();
    loadExample(exampleSelect.value);
  });
  fileInput.addEventListener('change', () => takeFile(fileInput.files[0]));
  dropZone.addEventListener('dragover', event => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', event => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    takeFile(event.dataTransfer.files[0]);
  });
  csvForm.addEventListener('submit', event => {
    event.preventDefault();
    const value = id => document.getElementById(id).value.trim();
    const optional = id => value(id) || undefined;
    // a whole number travels as a JSON number; anything else as typed, for the server to name
    const whole = id => (value(id) === '' ? undefined : /^-?\d+$/.test(value(id)) ? Number(value(id)) : value(id));
    const flag = id => (value(id) === '' ? undefined : value(id) === 'true');
    const readAs = { whole, flag };
    const ipa = { id: value('csv-ipa-id'), name: optional('csv-ipa-name') };
    // a decimal or a date travels as typed (a string), for the server to read or name
    const period = Object.fromEntries(periodInputs()
      .map(input => [input.dataset.period, (readAs[input.dataset.kind] || optional)(input.id)]));
    read(() => api.readPracticesCsv(ipa, period, pendingCsv.text), { file: pendingCsv.name });
  });

  return {
    async start(preferred) {
      const { examples } = await api.examples();
      exampleSelect.replaceChildren(...examples.map(e =>
        el('option', { value: e.id }, `${e.ipaName || e.ipaId}: ${e.practices} practices, ${e.performanceYear}`)));
      const chosen = examples.find(e => e.id === preferred) || examples.find(e => e.id === 'valley-ipa') || examples[0];
      if (chosen) await loadExample(chosen.id);
    },
    loadExample,
    loadStored,
  };
}
