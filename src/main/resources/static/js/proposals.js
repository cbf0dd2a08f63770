// Proposals: a named set of term changes to a template, with the facts it was made on when those
// are an example. Kept in the link (shareable: the template and every change are in the URL's
// query, which the page reads; the server ignores it) and in this browser's localStorage. The server's store keeps them instead once its API document offers the
// operation below; until then this module is the one place that knows where proposals live.
import { api } from './api.js';

const SAVED = 'accord.proposals';
/** The system of record keeps drafts and proposals as versions of a stored contract. */
const STORE_OPERATION = 'addContractVersion';

/** proposal → "?name=…&template=mssp-basic&facts=valley-ipa&set.maximumSharingRate=0.50" */
export function queryOf(proposal) {
  const params = new URLSearchParams();
  if (proposal.name) params.set('name', proposal.name);
  params.set('template', proposal.templateId);
  if (proposal.example) params.set('facts', proposal.example);
  for (const [name, value] of Object.entries(proposal.overrides)) params.set(`set.${name}`, value);
  return `?${params}`;
}

export function linkTo(proposal) {
  return `${location.origin}${location.pathname}${queryOf(proposal)}`;
}

/** The proposal in a URL query, or null when it holds none. */
export function fromQuery(query) {
  const params = new URLSearchParams(query);
  const templateId = params.get('template');
  if (!templateId) return null;
  const overrides = {};
  for (const [key, value] of params) {
    if (key.startsWith('set.')) overrides[key.slice(4)] = value;
  }
  return { name: params.get('name') || '', templateId, example: params.get('facts') || null, overrides };
}

/** Proposals kept in this browser, by name (saving a name again replaces it). */
const browserStore = {
  where: 'in this browser',
  async list() {
    return JSON.parse(localStorage.getItem(SAVED) || '[]');
  },
  async save(proposal) {
    const others = (await this.list()).filter(p => p.name !== proposal.name);
    localStorage.setItem(SAVED, JSON.stringify([...others, proposal].sort((a, b) => a.name.localeCompare(b.name))));
  },
  async remove(name) {
    localStorage.setItem(SAVED, JSON.stringify((await this.list()).filter(p => p.name !== name)));
  },
};

/**
 * Where proposals are kept: the browser. Whether the server documents stored proposals is
 * reported, so the page can say so; keeping them there (a version of a stored contract of the
 * IPA and payer) is the next step once that operation is released.
 */
export async function proposalStore() {
  const serverKeepsProposals = await api.offers(STORE_OPERATION);
  return { ...browserStore, serverKeepsProposals };
}
