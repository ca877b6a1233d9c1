// Small DOM helpers shared by the views.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything from the server goes through this before entering an innerHTML build. */
export function esc(value) {
  return value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export const $ = (selector, root = document) => root.querySelector(selector);

let toastTimer = 0;

/**
 * Shows a message in #toast. The text stays in the element after it fades so
 * the last message can still be read (and checked by tests); only visibility changes.
 */
export function toast(message, kind = 'info') {
  const el = $('#toast');
  el.textContent = message;
  el.dataset.kind = kind;
  el.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('show'), kind === 'error' ? 8000 : 4000);
}

// The names the finance offices use (and the server's own messages): 填报 fills in, 审批 decides.
export const ROLE_NAMES = {
  editor: '填报人',
  reviewer: '审核人',
  supervisor: '审批人',
  admin: '管理员',
};

export function roleName(role) {
  return ROLE_NAMES[role] || role || '无角色';
}

/** Roles that may type into input cells; the server enforces the same rule. */
export function canEditRole(role) {
  return role === 'editor' || role === 'admin';
}

/** May this user type into the document as shown? Never in an approved version opened read-only. */
export function canEditDoc(doc) {
  return Boolean(doc) && !doc.readOnly && canEditRole(doc.role);
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** "2024/02/01 16:00" in the viewer's time zone; the server sends ISO-8601 UTC. */
export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : TIME.format(d);
}

/** "sha256:3f2a9c1e…" — enough to compare two printouts by eye; the full hash goes in the title. */
export function shortHash(hash) {
  if (!hash) return '';
  const m = /^(sha256:)?([0-9a-f]+)$/i.exec(hash);
  return m ? `${m[1] || ''}${m[2].slice(0, 12)}…` : String(hash);
}

const PALETTE = ['#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#1864ab', '#e67700', '#0b7285', '#5f3dc4'];

/** A stable colour per user id so a person keeps the same outline colour in every tab. */
export function userColour(id) {
  const n = Math.abs(Number(id) || 0);
  return PALETTE[n % PALETTE.length];
}

let openQuestion = null; // the confirmation on screen, so a second one or a closing document can end it

/**
 * A yes/no question in the page, resolving true for ok. Not window.confirm: that one blocks the
 * whole tab, so the socket's messages would pile up unseen behind it, and it cannot be styled.
 * The element exists only while asked, so "is #confirm-dialog there" means "is a question open".
 * Give text, or html already passed through esc() by the caller (to keep amounts from wrapping).
 */
export function confirmDialog({ text, html, ok = '确定', cancel = '取消' }) {
  closeConfirm();
  const dlg = document.createElement('dialog');
  dlg.id = 'confirm-dialog';
  dlg.setAttribute('aria-describedby', 'confirm-text');
  dlg.innerHTML = `<p id="confirm-text">${html ?? esc(text)}</p><div class="confirm-actions">`
    + `<button type="button" class="confirm-cancel">${esc(cancel)}</button>`
    + `<button type="button" class="confirm-ok">${esc(ok)}</button></div>`;
  document.body.append(dlg);
  return new Promise((resolve) => {
    const question = {
      end(answer) {
        if (openQuestion !== question) return;
        openQuestion = null;
        dlg.close();
        dlg.remove();
        resolve(answer);
      },
    };
    openQuestion = question;
    dlg.querySelector('.confirm-ok').addEventListener('click', () => question.end(true));
    dlg.querySelector('.confirm-cancel').addEventListener('click', () => question.end(false));
    // Escape fires cancel; answering "no" ourselves keeps the element from lingering closed.
    dlg.addEventListener('cancel', (e) => {
      e.preventDefault();
      question.end(false);
    });
    dlg.showModal();
    // The safe answer has the focus, so a stray Enter does not destroy anything.
    dlg.querySelector('.confirm-cancel').focus();
  });
}

/** Answers the open question with "no", e.g. because what it asked about is gone. */
export function closeConfirm() {
  if (openQuestion) openQuestion.end(false);
}
