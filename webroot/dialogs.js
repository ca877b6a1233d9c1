// A question with a written answer (a 退回 reason, a note acknowledging warnings, the reason for
// changing a reopened table). In-page <dialog>, never window.prompt: prompt blocks the tab, so
// the socket's frames would pile up behind it, and it cannot show the checks being acknowledged.

import { esc, closeConfirm } from './ui.js';

let open = null; // {end(answer)} of the dialog on screen

/**
 * Resolves to the text written (trimmed; '' when optional and left blank) or null when cancelled.
 * opts: title, html (body above the field, already escaped), label, placeholder, value,
 * required, maxLength, ok, cancel, danger (ok styled as a destructive step), noField (just ok/cancel)
 */
export function askText(opts) {
  closeAsk();
  closeConfirm();
  const max = opts.maxLength || 500;
  const dlg = document.createElement('dialog');
  dlg.id = 'ask-dialog';
  dlg.setAttribute('aria-labelledby', 'ask-title');
  const field = opts.noField ? '' : `<label class="ask-label">${esc(opts.label || '')}`
    + `<textarea name="answer" rows="4" maxlength="${max}" placeholder="${esc(opts.placeholder || '')}"`
    + `${opts.required ? ' aria-required="true"' : ''}>${esc(opts.value || '')}</textarea></label>`
    + `<p class="ask-count" aria-live="polite"></p>`;
  dlg.innerHTML = `<form method="dialog" novalidate><h2 id="ask-title">${esc(opts.title || '')}</h2>`
    + (opts.html ? `<div class="ask-body">${opts.html}</div>` : '')
    + field
    + '<p class="ask-error" role="alert"></p><div class="confirm-actions">'
    + `<button type="button" class="confirm-cancel">${esc(opts.cancel || '取消')}</button>`
    + `<button type="submit" class="confirm-ok${opts.danger ? ' danger' : ''}">${esc(opts.ok || '确定')}</button>`
    + '</div></form>';
  document.body.append(dlg);
  const form = dlg.querySelector('form');
  const area = dlg.querySelector('textarea');
  const count = dlg.querySelector('.ask-count');
  const error = dlg.querySelector('.ask-error');
  const showCount = () => {
    if (area) count.textContent = `${area.value.length} / ${max}`;
  };
  showCount();
  return new Promise((resolve) => {
    const me = {
      end(answer) {
        if (open !== me) return;
        open = null;
        dlg.close();
        dlg.remove();
        resolve(answer);
      },
    };
    open = me;
    if (area) {
      area.addEventListener('input', () => {
        error.textContent = '';
        area.classList.remove('invalid');
        showCount();
      });
      // Ctrl+Enter sends, as in the chat tools people know; a plain Enter is a new line of the reason.
      area.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.requestSubmit();
        }
      });
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = area ? area.value.trim() : '';
      if (area && opts.required && !text) {
        error.textContent = `请填写${opts.label || '内容'}`;
        area.classList.add('invalid');
        area.focus();
        return;
      }
      me.end(text);
    });
    dlg.querySelector('.confirm-cancel').addEventListener('click', () => me.end(null));
    dlg.addEventListener('cancel', (e) => {
      e.preventDefault();
      me.end(null);
    });
    dlg.showModal();
    (area || dlg.querySelector('.confirm-cancel')).focus();
  });
}

/** Ends the open question as cancelled, e.g. because the document closed. */
export function closeAsk() {
  if (open) open.end(null);
}

/** True while a question is on screen (tests and the session ask). */
export function asking() {
  return open !== null;
}
