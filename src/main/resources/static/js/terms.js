// The contract's terms: every parameter of the template with its unit, allowed range (the template's
// and its concept's), the value in force for the facts' year (as the server resolved it), source, and
// whether it is negotiable when the template says so; under each clause, its constraints. Controls respect the declared range; a change becomes an override,
// and the server's problems appear beside the field that caused them.
import { el } from './dom.js';

const DECIMAL_TYPES = new Set(['rate', 'amount', 'number']);
const EDITABLE = new Set([...DECIMAL_TYPES, 'count', 'choice', 'flag']);

/** A parameter's value as the text a control holds (decimals already travel as strings). */
function asText(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A value for reading: an object (measure gates, amounts by measure) one entry a line. */
function readable(value) {
  if (value === null || typeof value !== 'object') return asText(value);
  if (Array.isArray(value)) return value.map(readable).join(', ');
  return Object.entries(value).map(([key, item]) => `${key}: ${readable(item)}`).join(typeof Object.values(value)[0] === 'object' ? '\n' : '; ');
}

function allowedByTheTemplate(parameter) {
  if (parameter.type === 'choice') return parameter.allowedValues.join(', ');
  if (parameter.type === 'flag') return 'true or false';
  const only = DECIMAL_TYPES.has(parameter.type) && parameter.allowedValues.length > 0 ? `${parameter.allowedValues.join(', ')} only` : '';
  if (parameter.minimum === undefined && parameter.maximum === undefined) return only || (EDITABLE.has(parameter.type) ? 'any' : '');
  const range = `${parameter.minimum ?? '…'} to ${parameter.maximum ?? '…'}`;
  return only ? `${range}: ${only}` : range;
}

/**
 * The template's range, then what the clause's concept lets any contract mean ("0, 0.005, 0.01, 0.015 or 0.02 only"):
 * the server refuses an override outside either, so the page says both before it does.
 */
function allowed(parameter) {
  const own = allowedByTheTemplate(parameter);
  if (!parameter.conceptLimits) return own;
  return `${own}; concept allows ${parameter.conceptLimits.explanation}`;
}

/** "from 0 to 1", "of at least 0": the declared range in words, empty when none is declared. */
function rangeInWords(parameter) {
  const { minimum, maximum } = parameter;
  if (minimum !== undefined && maximum !== undefined) return ` from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return ` of at least ${minimum}`;
  if (maximum !== undefined) return ` of at most ${maximum}`;
  return '';
}

/**
 * The page's own words for a numeric term left empty or holding what is not a number: the
 * server's are its decimal parser's, which name neither the term nor its range. Null otherwise.
 */
function notANumber(parameter, input) {
  if (!DECIMAL_TYPES.has(parameter.type) && parameter.type !== 'count') return null;
  const empty = input.value.trim() === '' && !input.validity.badInput;
  if (!empty && !input.validity.badInput && Number.isFinite(Number(input.value))) return null;
  const number = parameter.type === 'count' ? 'a whole number' : 'a number';
  return `${parameter.name} needs ${number}${rangeInWords(parameter)} (${parameter.unit}): ${empty ? 'the field is empty' : 'what is typed is not a number'}`;
}

/**
 * Whether a negotiator may change the term on the page: a value of an editable type that the template
 * does not mark as set by regulation (negotiable: false is refused as an override).
 */
function editable(parameter) {
  return EDITABLE.has(parameter.type) && parameter.negotiable !== false;
}

function valuesByYear(parameter) {
  return parameter.values.map(v => (v.fromPerformanceYear ? `${readable(v.value)} from ${v.fromPerformanceYear}` : readable(v.value))).join('; ');
}

function control(parameter, value, describedBy) {
  const id = `term-${parameter.name}`;
  const common = { id, name: parameter.name, 'aria-describedby': describedBy };
  if (parameter.type === 'choice') {
    return el('select', common, parameter.allowedValues.map(word => el('option', { value: word, selected: word === value }, word)));
  }
  if (parameter.type === 'flag') {
    return el('input', { ...common, type: 'checkbox', checked: value === 'true' });
  }
  if (!EDITABLE.has(parameter.type)) {
    return el('span', { id, class: 'note' }, 'the template’s value applies (changed through the API only)');
  }
  if (!editable(parameter)) {
    // set by regulation: shown, not offered (the server refuses it as an override)
    return el('span', { id, class: 'fixed', 'aria-describedby': describedBy },
      value === '' ? 'not negotiable: the template’s value applies' : `${readable(value)} (not negotiable: the template’s value applies)`);
  }
  return el('input', {
    ...common,
    type: 'number',
    inputmode: parameter.type === 'count' ? 'numeric' : 'decimal',
    step: parameter.type === 'count' ? '1' : 'any',
    min: parameter.minimum,
    max: parameter.maximum,
    value,
    required: true,
  });
}

/** The years a template settles, in words: "2012 to 2021", "from 2019". */
function yearsOf(template) {
  if (!template.lastPerformanceYear) return `from ${template.firstPerformanceYear}`;
  return template.firstPerformanceYear ? `${template.firstPerformanceYear} to ${template.lastPerformanceYear}`
    : `up to ${template.lastPerformanceYear}`;
}

function valueOf(input) {
  return input.type === 'checkbox' ? String(input.checked) : input.value;
}

/**
 * @param container where the terms go
 * @param onChange  called with the overrides after each change
 */
export function termsPanel(container, onChange) {
  let template = null;
  let inForce = {};
  let overrides = {};
  let year = null;
  let notSettled = null;
  const inputs = new Map();
  const parameters = new Map();

  function changedCount() {
    const count = Object.keys(overrides).length;
    document.getElementById('terms-changed').textContent =
      count === 0 ? 'No term changed: the contract as the template stands.' : `${count} ${count === 1 ? 'term' : 'terms'} changed.`;
  }

  function render() {
    inputs.clear();
    parameters.clear();
    const negotiableStated = template.clauses.some(c => c.parameters.some(p => p.negotiable !== undefined));
    const note = notSettled ? [el('p', { class: 'note', id: 'terms-years' },
      `This template settles performance years ${yearsOf(template)}; the facts are for performance year ${notSettled},`
      + ' for which it gives no values.')] : [];
    container.replaceChildren(...note, ...template.clauses.map(clause => {
      const rows = clause.parameters.map(parameter => {
        const current = editable(parameter) && parameter.name in overrides ? overrides[parameter.name] : asText(inForce[parameter.name]);
        const descriptionId = `term-${parameter.name}-description`;
        const input = control(parameter, current, descriptionId);
        if (notSettled && input.tagName === 'INPUT' && input.type !== 'checkbox') input.placeholder = `none for ${notSettled}`;
        if (editable(parameter)) {
          inputs.set(parameter.name, input);
          parameters.set(parameter.name, parameter);
          input.addEventListener('change', () => {
            const value = valueOf(input);
            if (value === asText(inForce[parameter.name])) delete overrides[parameter.name];
            else overrides[parameter.name] = value;
            input.closest('tr').classList.toggle('changed', parameter.name in overrides);
            changedCount();
            onChange({ ...overrides });
          });
        }
        return el('tr', { class: parameter.name in overrides ? 'changed' : null },
          el('th', { scope: 'row' },
            el('label', { for: input.id }, parameter.name),
            el('span', { class: 'description', id: descriptionId }, parameter.description)),
          el('td', {}, el('div', { class: 'field' }, input)),
          el('td', {}, parameter.unit),
          el('td', {}, allowed(parameter)),
          el('td', { class: EDITABLE.has(parameter.type) ? null : 'structured' },
            inForce[parameter.name] !== undefined ? readable(inForce[parameter.name]) : valuesByYear(parameter)),
          el('td', { class: 'source' }, parameter.source),
          negotiableStated ? el('td', {}, parameter.negotiable === undefined ? 'not stated' : parameter.negotiable ? 'yes' : 'no') : null);
      });
      const header = ['Term', 'Value', 'Unit', 'Allowed', year ? `Template value for ${year}` : 'Template value', 'Source'];
      if (negotiableStated) header.push('Negotiable');
      return el('section', { class: 'clause', 'aria-labelledby': `clause-${clause.id}` },
        el('h3', { id: `clause-${clause.id}` }, clause.title),
        el('details', {}, el('summary', {}, 'Contract text'), el('p', {}, clause.text), el('p', { class: 'source' }, clause.source)),
        el('div', { class: 'terms-scroll' },
          el('table', { class: 'terms' },
            el('thead', {}, el('tr', {}, header.map(h => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, rows))),
        ...(clause.constraints ?? []).map(constraint => el('p', { class: 'note constraint' },
          `Constraint: ${constraint.explanation}${constraint.requiredByConcept ? `, required of every clause of concept ${clause.concept}` : ''}.`)));
    }));
    changedCount();
  }

  return {
    /** A template (its declarations) and the overrides to start from. */
    show(nextTemplate, startingOverrides = {}) {
      template = nextTemplate;
      inForce = {};
      year = null;
      notSettled = null;
      overrides = { ...startingOverrides };
      render();
    },
    /** The template's values in force for the facts' year: the server's resolved terms without overrides. */
    resolved(resolvedTerms) {
      inForce = {};
      for (const clause of resolvedTerms.clauses) Object.assign(inForce, clause.parameters);
      year = resolvedTerms.performanceYear;
      notSettled = null;
      for (const name of Object.keys(overrides)) {
        if (overrides[name] === asText(inForce[name])) delete overrides[name];
      }
      render();
    },
    /**
     * Whether the template settles the facts' year, as its years (firstPerformanceYear, lastPerformanceYear) say; where it
     * does not, the terms say which years it settles instead of showing empty values.
     */
    settles(factsYear) {
      const outside = template && ((template.firstPerformanceYear && factsYear < template.firstPerformanceYear)
        || (template.lastPerformanceYear && factsYear > template.lastPerformanceYear));
      if (outside) {
        inForce = {};
        year = null;
        notSettled = factsYear;
        render();
      }
      return !outside;
    },
    overrides: () => ({ ...overrides }),
    reset() {
      overrides = {};
      render();
      onChange({});
    },
    /**
     * [pointer, input, reword] for a request whose contract sits at `at` (/contract, /baseline,
     * /proposals/0); reword gives the page's words for a term that is not a number.
     */
    fields(at = '/contract') {
      return [...inputs].map(([name, input]) => [`${at}/overrides/${name}`, input,
        reason => notANumber(parameters.get(name), input) ?? reason]);
    },
    /**
     * The parameters a sweep can vary: decimals and counts a negotiator may change (a term set by
     * regulation, negotiable: false, is refused as an override, so a sweep of it is too).
     */
    sweepable() {
      return template ? template.clauses.flatMap(c => c.parameters)
        .filter(p => (DECIMAL_TYPES.has(p.type) || p.type === 'count') && editable(p)) : [];
    },
    inForce: name => asText(inForce[name]),
  };
}
