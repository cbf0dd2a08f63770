// Problems from the API shown where they belong: each error whose JSON pointer names a field of
// the page appears beside that field (and the field is marked invalid); the rest, and the
// problem's title, in the area's own list.
import { el } from './dom.js';

function errorSlot(input) {
  const id = `${input.id}-error`;
  let slot = document.getElementById(id);
  if (!slot) {
    slot = el('p', { id, class: 'field-error', hidden: true });
    (input.closest('.field') || input.parentElement).append(slot);
  }
  return slot;
}

function describe(input, id, on) {
  const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) input.setAttribute('aria-describedby', [...ids].join(' '));
  else input.removeAttribute('aria-describedby');
}

/** Clears what {@link showProblems} put in an area and beside its fields. */
export function clearProblems(area, fields = []) {
  area.replaceChildren();
  area.hidden = true;
  for (const [, input] of fields) {
    const slot = document.getElementById(`${input.id}-error`);
    if (slot) {
      slot.hidden = true;
      slot.textContent = '';
    }
    input.removeAttribute('aria-invalid');
    describe(input, `${input.id}-error`, false);
  }
}

/**
 * @param problem a Problem from api.js (or any Error)
 * @param area    the element listing what is not beside a field
 * @param fields  [pointer, input] pairs; an error goes to the field whose pointer is the longest
 *                prefix of its own (so /vary/0 takes /vary/0/step when no field names the step).
 *                A third item, reason => text, words the error beside that field the page's way.
 */
export function showProblems(problem, area, fields = []) {
  clearProblems(area, fields);
  const unplaced = [];
  for (const error of problem.errors || []) {
    const where = error.pointer ?? error.parameter ?? error.location;
    const match = fields
      .filter(([pointer]) => where !== undefined && (where === pointer || where.startsWith(`${pointer}/`)))
      .sort((a, b) => b[0].length - a[0].length)[0];
    if (match) {
      const [, input, reword = reason => reason] = match;
      const reason = reword(error.reason);
      const slot = errorSlot(input);
      // the same words twice beside one field say nothing more
      if (!slot.textContent.includes(reason)) slot.textContent = slot.textContent ? `${slot.textContent} ${reason}` : reason;
      slot.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      describe(input, slot.id, true);
    } else {
      unplaced.push(where ? `${where}: ${error.reason}` : error.reason);
    }
  }
  const placed = (problem.errors || []).length - unplaced.length;
  const heading = problem.status ? `${problem.title} (${problem.status})` : problem.title || problem.message;
  area.append(el('p', {}, el('strong', {}, heading), problem.detail && problem.detail !== heading ? ` ${problem.detail}.` : '',
    placed ? ` ${placed === 1 ? 'One problem is' : `${placed} problems are`} shown beside the field.` : ''));
  if (problem.needsSignIn) {
    area.append(el('p', {}, 'Sign in with a credential that may do this (the form at the top of the page).'));
  }
  if (unplaced.length) area.append(el('ul', {}, unplaced.map(text => el('li', {}, text))));
  area.hidden = false;
}
