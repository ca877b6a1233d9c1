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

export const ROLE_NAMES = {
  editor: '编辑人',
  reviewer: '审核人',
  supervisor: '监督人',
  admin: '管理员',
};

export function roleName(role) {
  return ROLE_NAMES[role] || role || '无角色';
}

/** Roles that may type into input cells; the server enforces the same rule. */
export function canEditRole(role) {
  return role === 'editor' || role === 'admin';
}

const PALETTE = ['#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#1864ab', '#e67700', '#0b7285', '#5f3dc4'];

/** A stable colour per user id so a person keeps the same outline colour in every tab. */
export function userColour(id) {
  const n = Math.abs(Number(id) || 0);
  return PALETTE[n % PALETTE.length];
}
