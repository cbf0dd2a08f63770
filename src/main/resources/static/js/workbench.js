// The negotiators' workbench: a contract and its terms, the IPA's facts, saved proposals, and
// the views that draw what the API answers. This module wires the parts together; it computes
// nothing that is shown as a result.
import { api, credential } from './api.js';
import { loadCharts } from './charts.js';
import { el } from './dom.js';
import { factsPanel } from './facts.js';
import { clearProblems, showProblems } from './problems.js';
import { fromFragment, fromQuery, linkTo, proposalStore, queryOf, storedLinkTo } from './proposals.js';
import { setUpSignIn } from './signin.js';
import { termsPanel } from './terms.js';
import { cashFlowView } from './views/cashflow.js';
import { compareView } from './views/compare.js';
import { settlementView } from './views/settlement.js';
import { simulateView } from './views/simulate.js';
import { sweepView } from './views/sweep.js';

/** How long the page took to become usable and each view to draw, in ms, for the browser tests' report. */
const timings = (window.accordTimings = {});

const state = { templateId: null, template: null, reading: null, source: null, starting: true, ready: false };
const byId = id => document.getElementById(id);
const templateSelect = byId('template');
const termsProblems = byId('terms-problems');
const saveProblems = byId('save-proposal-problems');
const proposalName = byId('proposal-name');

function announce(text) {
  byId('page-status').textContent = text;
}

const terms = termsPanel(byId('terms'), () => {
  markStale();
  checkTerms();
});

const context = {
  contract: () => ({ templateId: state.templateId, overrides: terms.overrides() }),
  facts: () => state.reading.facts,
  terms,
  savedProposals: () => store.then(s => s.list()),
  announce,
};

const views = {
  settlement: settlementView(context),
  compare: compareView(context),
  sweep: sweepView(context),
  simulate: simulateView(context),
  'cash-flow': cashFlowView(context),
};

const facts = factsPanel((reading, source) => {
  state.reading = reading;
  state.source = source;
  views.sweep.offerPractices(reading.facts.practices);
  views['cash-flow'].offerPractices(reading.facts.practices);
  markStale();
  if (!state.starting) refreshDefaults();
});

const store = proposalStore({ facts: () => state.reading?.facts, template: () => state.template });

/** Results drawn before the terms or facts changed say so, until the view is run again. */
function markStale() {
  for (const results of document.querySelectorAll('.results[data-state="ready"]')) {
    results.dataset.state = 'stale';
    results.prepend(el('p', { class: 'stale-note' }, 'The terms or facts have changed since these results were drawn: run the view again.'));
  }
  updateLink();
}

function currentProposal() {
  return {
    name: proposalName.value.trim(),
    templateId: state.templateId,
    overrides: terms.overrides(),
    example: state.source?.example ?? null,
  };
}

/** The address bar and the share field hold the terms as they are, so a link always reopens them. */
function updateLink() {
  if (!state.templateId) return;
  history.replaceState(null, '', queryOf(currentProposal()) + location.hash);
  byId('share-link').value = linkTo(currentProposal());
}

/**
 * Checks run one after another as a person types; only the latest one's answer is shown, so a
 * slow answer to an earlier value never overwrites the answer to the value now in the field.
 */
let latestCheck = 0;

/** The template's values in force for the facts' year, then a check of the changed terms. */
async function refreshDefaults() {
  if (!state.reading || !state.template) return;
  const check = ++latestCheck;
  try {
    const resolved = await api.validate({ templateId: state.templateId }, state.reading.facts);
    if (check !== latestCheck) return;
    terms.resolved(resolved);
    views.sweep.offerTerms(terms.sweepable());
  } catch (problem) {
    if (check !== latestCheck) return;
    showProblems(problem, termsProblems, []);
    terms.settles(state.reading.facts.period.performanceYear);
    return;
  }
  // with no term changed, the check just made is the whole check
  if (Object.keys(terms.overrides()).length === 0) clearProblems(termsProblems, terms.fields());
  else await checkTerms();
}

/** The changed terms checked by the server; its problems appear beside the terms. */
async function checkTerms() {
  const check = ++latestCheck;
  updateLink();
  if (!state.reading) return;
  let problem = null;
  try {
    await api.validate(context.contract(), state.reading.facts);
  } catch (refused) {
    problem = refused;
  }
  if (check !== latestCheck) return;
  if (problem) showProblems(problem, termsProblems, terms.fields());
  else clearProblems(termsProblems, terms.fields());
}

async function loadTemplate(templateId, overrides = {}, template = null) {
  state.templateId = templateId;
  templateSelect.value = templateId;
  state.template = template ?? await api.template(templateId);
  byId('template-description').textContent = `${state.template.description} Source: ${state.template.source}. Version ${state.template.version}.`;
  terms.show(state.template, overrides);
  views.sweep.offerTerms(terms.sweepable());
  markStale();
}

async function openProposal(proposal) {
  if (proposal.example && proposal.example !== state.source?.example) await facts.loadExample(proposal.example);
  if (proposal.factsId && proposal.factsId !== state.source?.factsId) await facts.loadStored(proposal.factsId);
  await loadTemplate(proposal.templateId, proposal.overrides);
  proposalName.value = proposal.name || '';
  await refreshDefaults();
  announce(`Opened the proposal ${proposal.name || ''}: ${Object.keys(proposal.overrides).length} changed terms of ${proposal.templateId}.`);
}

/** Where a saved proposal's facts come from, in words. */
function factsOfProposal(proposal) {
  if (proposal.example) return `example ${proposal.example}`;
  if (proposal.ipaId) return `IPA ${proposal.ipaId}`;
  return 'any';
}

async function showSaved() {
  const where = await store;
  let saved;
  try {
    saved = await where.list();
  } catch (problem) {
    // a caller whose role may not read contracts still works with the terms and views
    byId('saved-proposals').replaceChildren(el('p', {}, `The saved proposals could not be read: ${problem.message}`));
    return;
  }
  views.compare.offerSaved(saved);
  const holder = byId('saved-proposals');
  if (saved.length === 0) {
    holder.replaceChildren(el('p', {}, 'No proposal saved yet.'));
    return;
  }
  holder.replaceChildren(el('table', {},
    el('caption', {}, 'Saved proposals'),
    el('thead', {}, el('tr', {}, ['Name', 'Template', 'Changed terms', 'Facts', 'Actions'].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, saved.map(proposal => el('tr', {},
      el('th', { scope: 'row' }, proposal.name),
      el('td', {}, proposal.templateId),
      el('td', {}, Object.entries(proposal.overrides).map(([name, value]) => `${name} = ${value}`).join(', ') || 'none'),
      el('td', {}, factsOfProposal(proposal)),
      el('td', { class: 'actions' },
        el('button', { type: 'button', onclick: () => openProposal(proposal) }, `Open ${proposal.name}`),
        el('a', { href: proposal.versionId ? storedLinkTo(proposal) : linkTo(proposal) }, `Link to ${proposal.name}`),
        where.keepsEveryVersion ? null : el('button', {
          type: 'button',
          onclick: async () => {
            await (await store).remove(proposal.name);
            showSaved();
            announce(`Deleted the proposal ${proposal.name}.`);
          },
        }, `Delete ${proposal.name}`)))))));
}

function showView(name) {
  for (const button of document.querySelectorAll('.view-nav button')) {
    const current = button.dataset.view === name;
    button.setAttribute('aria-pressed', String(current));
    byId(`view-${button.dataset.view}`).hidden = !current;
  }
}

function wireViews() {
  for (const button of document.querySelectorAll('.view-nav button')) {
    button.addEventListener('click', () => showView(button.dataset.view));
  }
  for (const [name, view] of Object.entries(views)) {
    const form = byId(`${name}-form`);
    const results = byId(`${name}-results`);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!state.reading) {
        showProblems({ title: 'No facts yet', detail: 'Load an example or drop a facts file first', errors: [] }, view.problems);
        return;
      }
      const button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      results.dataset.state = 'running';
      results.setAttribute('aria-busy', 'true');
      const started = performance.now();
      try {
        clearProblems(view.problems, view.fields());
        await view.run();
        timings[name] = performance.now() - started;
        results.dataset.state = 'ready';
      } catch (problem) {
        results.dataset.state = 'failed';
        if (problem.name === 'AbortError') announce('Stopped waiting. The server may still finish the work; its answer is not shown.');
        else showProblems(problem, view.problems, view.fields());
      } finally {
        results.removeAttribute('aria-busy');
        button.disabled = false;
      }
    });
  }
}

function wireContractAndProposals() {
  templateSelect.addEventListener('change', async () => {
    await loadTemplate(templateSelect.value);
    await refreshDefaults();
  });
  byId('reset-terms').addEventListener('click', () => terms.reset());
  byId('save-proposal').addEventListener('submit', async event => {
    event.preventDefault();
    const proposal = currentProposal();
    // a save's problems are listed beside its button; the fields beside the terms keep the terms check's
    clearProblems(saveProblems);
    if (!state.reading) {
      showProblems({ title: 'No facts yet', detail: 'Load an example or drop a facts file first', errors: [] }, saveProblems, []);
      return;
    }
    try {
      const saved = await (await store).save(proposal);
      // the facts shown are the ones now stored under that id: reopening the proposal keeps them as they are
      if (saved?.factsId && state.source) state.source.factsId = saved.factsId;
    } catch (problem) {
      showProblems(problem, saveProblems);
      return;
    }
    await showSaved();
    updateLink();
    announce(`Saved the proposal ${proposal.name} ${(await store).where}.`);
  });
  proposalName.addEventListener('input', updateLink);
  byId('copy-link').addEventListener('click', async () => {
    const link = byId('share-link');
    link.select();
    try {
      await navigator.clipboard.writeText(link.value);
      announce('The link is copied.');
    } catch {
      announce('The link is selected: copy it with the keyboard.');
    }
  });
}

async function start() {
  state.starting = true;
  const fromLink = fromQuery(location.search);
  try {
    // the template most likely wanted is asked for beside the list, not after it
    const likely = fromLink?.templateId ?? 'mssp-basic';
    const [{ templates }, likelyTemplate] = await Promise.all([api.templates(), api.template(likely).catch(() => null),
      facts.start(fromLink?.example)]);
    templateSelect.replaceChildren(...templates.map(t => el('option', { value: t.id }, `${t.name} (${t.id})`)));
    const chosen = templates.some(t => t.id === likely) ? likely : templates[0].id;
    await loadTemplate(chosen, fromLink?.overrides ?? {}, chosen === likely ? likelyTemplate : null);
    if (fromLink?.name) proposalName.value = fromLink.name;
    state.starting = false;
    await refreshDefaults();
    state.ready = true;
    timings.usable = performance.now();
    document.body.dataset.ready = 'true';
    announce('Ready: choose a view and run it.');
    loadCharts();
  } catch (problem) {
    state.starting = false;
    showProblems(problem, termsProblems, []);
  }
  const where = await store;
  byId('proposals-where').textContent = where.serverKeepsProposals
    ? `Proposals are kept ${where.where}; each saved proposal's link reopens it, with its facts, for a colleague.`
    : `Proposals are kept ${where.where} (this server does not store proposals yet), and in the link below.`;
  await showSaved();
  // "#proposal=<contract>/<version>&facts=<id>": a stored proposal shared by link
  if (where.serverKeepsProposals && location.hash.includes('proposal=')) {
    try {
      const shared = await fromFragment(location.hash);
      if (shared) await openProposal(shared);
    } catch (problem) {
      showProblems(problem, termsProblems, []);
    }
  }
}

setUpSignIn(() => {
  if (!state.ready) start();
});
wireViews();
wireContractAndProposals();
showView('settlement');
// every operation of the API needs a credential: without one the page asks for it and calls nothing
if (credential.get()) {
  start();
} else {
  byId('sign-in').open = true;
  announce('Sign in (the form at the top of the page) to load the contract templates and the facts.');
}
