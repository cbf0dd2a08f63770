// Sign-in: the user gives an API key or a bearer token, kept for this tab only; api.js attaches
// it to every call. A 401 or 403 opens the form and says why, in the server's own words.
import { credential } from './api.js';

const KINDS = { 'api-key': 'an API key', bearer: 'an OAuth2 bearer token' };

export function setUpSignIn(onSignedIn) {
  const panel = document.getElementById('sign-in');
  const form = document.getElementById('sign-in-form');
  const kind = document.getElementById('credential-kind');
  const secret = document.getElementById('credential-secret');
  const status = document.getElementById('sign-in-status');
  const signOut = document.getElementById('sign-out');

  /** @param refused whether the server has just refused the credential given (401): then it signs no one in */
  function showStatus(message, refused = false) {
    const given = credential.get();
    status.textContent = message || (given
      ? `Signed in with ${KINDS[given.kind]} (kept for this tab only).`
      : 'Not signed in: calls carry no credential.');
    signOut.disabled = !given;
    document.getElementById('sign-in-summary').textContent = given && !refused ? 'Signed in' : 'Sign in';
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!secret.value.trim()) {
      showStatus('Give the key or token first.');
      secret.focus();
      return;
    }
    credential.set(kind.value, secret.value.trim());
    secret.value = '';
    showStatus();
    onSignedIn();
  });
  signOut.addEventListener('click', () => {
    credential.clear();
    showStatus();
  });
  document.addEventListener('accord:sign-in-needed', event => {
    const problem = event.detail;
    panel.open = true;
    const given = credential.get();
    showStatus(problem.status === 401
      ? (given ? `The server did not accept this ${given.kind === 'bearer' ? 'token' : 'key'} (it may be mistyped, revoked or expired): `
        : 'The server asks you to sign in: ') + (problem.detail || problem.title)
      : `Your credential may not do this (403): ${problem.detail || problem.title}`, problem.status === 401);
  });
  showStatus();
}
