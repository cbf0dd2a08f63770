// Proposals: a named set of term changes to a template, with the facts it was made on. Kept by the
// server as versions of the IPA's stored contract when its API document offers that operation,
// otherwise in this browser's localStorage; the terms as they are also travel in the link (the
// URL's query, which the page reads; the server ignores it). This module is the one place that
// knows where proposals live.
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
 * Proposals kept by the server: each a version (kind proposal) of the stored contract of the IPA
 * with the template's payer on that template, made when the first proposal is saved; the facts it
 * was made on are stored too, so its link reopens the same numbers for a colleague. The server
 * never deletes a version; saving a name again adds a version, and the list shows the latest one.
 */
function serverStore(context) {
  return {
    where: 'on the server, as proposals of the IPA\'s contract',
    serverKeepsProposals: true,
    keepsEveryVersion: true,
    /** The proposals for the IPA whose facts are shown (every IPA's before any facts are). */
    async list() {
      const { contracts } = await api.contracts(context.facts()?.ipa?.id);
      const latest = new Map();
      for (const contract of contracts) {
        const { versions } = await api.contractVersions(contract.id);
        for (const version of versions.filter(v => v.kind === 'proposal')) {
          latest.set(version.name, proposalOf(contract, version));
        }
      }
      return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    async save(proposal) {
      const facts = context.facts();
      const template = context.template();
      const period = { effectiveFrom: facts.period.start, effectiveTo: facts.period.end };
      const { contracts } = await api.contracts(facts.ipa.id);
      let contract = contracts.find(c => c.templateId === proposal.templateId && c.payer === template.payer);
      if (!contract) {
        contract = (await api.createContract({ ipaId: facts.ipa.id, payer: template.payer, templateId: proposal.templateId, ...period })).contract;
      }
      const { id: factsId } = await api.storeFacts(facts);
      const version = await api.addContractVersion(contract.id, { name: proposal.name, kind: 'proposal', overrides: proposal.overrides, ...period });
      factsOf.set(version.id, factsId);
      return proposalOf(contract, version);
    },
  };
}

/** The facts each proposal saved from this page was made on, by version id. */
const factsOf = new Map();

function proposalOf(contract, version) {
  return {
    name: version.name,
    templateId: version.templateId,
    overrides: version.overrides,
    example: null,
    ipaId: contract.ipaId,
    contractId: contract.id,
    versionId: version.id,
    number: version.number,
    factsId: factsOf.get(version.id) ?? null,
  };
}

/** "#proposal=<contract>/<version>&facts=<factsId>": a stored proposal and the facts it was made on. */
export function storedLinkTo(proposal) {
  const params = new URLSearchParams({ proposal: `${proposal.contractId}/${proposal.versionId}` });
  if (proposal.factsId) params.set('facts', proposal.factsId);
  return `${location.origin}${location.pathname}#${params}`;
}

/** The stored proposal a link's fragment names, read from the server, or null when it names none. */
export async function fromFragment(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const named = params.get('proposal');
  if (!named || !named.includes('/')) return null;
  const [contractId, versionId] = named.split('/');
  const version = await api.contractVersion(contractId, versionId);
  return { name: version.name, templateId: version.templateId, overrides: version.overrides, example: null,
    contractId, versionId, factsId: params.get('facts') };
}

/**
 * Where proposals are kept: on the server when its API document offers stored contract versions,
 * otherwise in this browser (and always in the link of the terms as they are).
 *
 * @param context facts() the facts shown, template() the template chosen (for its payer)
 */
export async function proposalStore(context) {
  if (await api.offers(STORE_OPERATION)) return serverStore(context);
  return { ...browserStore, serverKeepsProposals: false };
}
