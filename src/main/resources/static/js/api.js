// Every call the page makes to Accord goes through this module: the URLs, the headers (content
// types, CSV or JSON, credentials) and the reading of problems live here and nowhere else.

const BASE = '/api/v1';
const API_DOCUMENT = '/api-spec/accord.yaml';
const CREDENTIAL = 'accord.credential';

/** Where a credential goes: an API key in its own header, an OAuth2 token as a bearer token. */
const CREDENTIAL_HEADERS = {
  'api-key': secret => ['X-API-Key', secret],
  bearer: secret => ['Authorization', `Bearer ${secret}`],
};

/** The credential the user gave, kept for this browser tab only (sessionStorage). */
export const credential = {
  get() {
    const stored = sessionStorage.getItem(CREDENTIAL);
    return stored ? JSON.parse(stored) : null;
  },
  set(kind, secret) {
    if (!CREDENTIAL_HEADERS[kind]) throw new Error(`unknown credential kind ${kind}`);
    sessionStorage.setItem(CREDENTIAL, JSON.stringify({ kind, secret }));
  },
  clear() {
    sessionStorage.removeItem(CREDENTIAL);
  },
};

/** An RFC 9457 problem the server answered with (or a network failure made to look like one). */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.title = body.title || `HTTP ${status}`;
    this.detail = body.detail || '';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
  }

  /** Whether signing in (again) is the way out: 401, or 403 for a role that may not do this. */
  get needsSignIn() {
    return this.status === 401 || this.status === 403;
  }
}

function headers(contentType, accept) {
  const all = { Accept: accept };
  if (contentType) all['Content-Type'] = contentType;
  const given = credential.get();
  if (given) {
    const [name, value] = CREDENTIAL_HEADERS[given.kind](given.secret);
    all[name] = value;
  }
  return all;
}

async function problemFrom(response) {
  const text = await response.text();
  try {
    return new Problem(response.status, JSON.parse(text));
  } catch {
    return new Problem(response.status, { title: response.statusText, detail: text.slice(0, 300) });
  }
}

/**
 * One request. A body given as a string is sent as it is (a file's text: the server, not the
 * browser, reads it); anything else is sent as JSON. Problems are thrown as {@link Problem}, and a
 * 401 or 403 is also announced to the page (event "accord:sign-in-needed") so it can say so plainly.
 */
async function call(method, path, { body, signal, accept = 'application/json' } = {}) {
  const init = { method, signal, headers: headers(body === undefined ? null : 'application/json', accept) };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  let response;
  try {
    response = await fetch(BASE + path, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new Problem(0, { title: 'The server could not be reached', detail: String(error.message || error) });
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (problem.needsSignIn) {
      document.dispatchEvent(new CustomEvent('accord:sign-in-needed', { detail: problem }));
    }
    throw problem;
  }
  return accept === 'application/json' ? response.json() : response.text();
}

let apiDocument;

/** The server's API document, read once: the page asks it which operations the server offers. */
function documentText() {
  apiDocument ??= fetch(API_DOCUMENT, { headers: headers(null, 'application/yaml, text/plain') })
    .then(response => (response.ok ? response.text() : ''))
    .catch(() => '');
  return apiDocument;
}

const id = value => encodeURIComponent(value);

export const api = {
  /** Whether the server's API document has the operation (spec-first: an operation is offered when it is documented). */
  async offers(operationId) {
    return new RegExp(`operationId:\\s*${operationId}\\s*$`, 'm').test(await documentText());
  },

  templates: () => call('GET', '/contract-templates'),
  template: templateId => call('GET', `/contract-templates/${id(templateId)}`),

  examples: () => call('GET', '/example-facts'),
  example: exampleId => call('GET', `/example-facts/${id(exampleId)}`),
  /** A facts file's JSON text, sent as it is. */
  readFacts: jsonText => call('POST', '/facts:read', { body: jsonText }),
  readPracticesCsv: (ipa, period, practicesCsv) => call('POST', '/facts:read-csv', { body: { ipa, period, practicesCsv } }),

  validate: (contract, facts) => call('POST', '/evaluations:validate', { body: { contract, facts } }),
  evaluate: (contract, facts) => call('POST', '/evaluations', { body: { contract, facts } }),

  /** Facts stored once under their hash; the answer's id names them in later requests. */
  storeFacts: facts => call('POST', '/facts', { body: facts }),
  storedFacts: factsId => call('GET', `/facts/${id(factsId)}`),
  contracts: ipaId => call('GET', `/contracts${ipaId ? `?ipaId=${id(ipaId)}` : ''}`),
  createContract: contract => call('POST', '/contracts', { body: contract }),
  contractVersions: contractId => call('GET', `/contracts/${id(contractId)}/versions`),
  contractVersion: (contractId, versionId) => call('GET', `/contracts/${id(contractId)}/versions/${id(versionId)}`),
  addContractVersion: (contractId, version) => call('POST', `/contracts/${id(contractId)}/versions`, { body: version }),

  compare: request => call('POST', '/scenarios/compare', { body: request }),
  sweep: request => call('POST', '/scenarios/sweep', { body: request }),
  simulate: (request, signal) => call('POST', '/scenarios/simulate', { body: request, signal }),
  /** Long work as a job (kind: simulate, sweep, compare, backtest): 202 with the job, then read until it ends. */
  createJob: (kind, request) => call('POST', '/jobs', { body: { [kind]: request } }),
  job: jobId => call('GET', `/jobs/${id(jobId)}`),
  jobResult: jobId => call('GET', `/jobs/${id(jobId)}/result`),
  cancelJob: jobId => call('DELETE', `/jobs/${id(jobId)}`),
  cashFlow: request => call('POST', '/scenarios/cash-flow', { body: request }),
};
