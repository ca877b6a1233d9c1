// 成员: who belongs to this budget and in which role. Every member sees the list; the document's
// admins add users (chosen from GET /api/users), change roles and remove members. The server
// decides; after each change the list is read again rather than guessed.

import { api, docPath } from './api.js';
import { esc, toast, roleName, ROLE_NAMES, confirmDialog } from './ui.js';

const ROLES = Object.keys(ROLE_NAMES);

function roleOptions(selected) {
  return ROLES.map((r) => `<option value="${r}"${r === selected ? ' selected' : ''}>${esc(roleName(r))}</option>`).join('');
}

export class Members {
  /** pane: #members-pane; hooks: docId(), doc(), me() */
  constructor(pane, hooks) {
    this.pane = pane;
    this.hooks = hooks;
    this.body = pane.querySelector('.members-body');
    this.members = null;
    this.users = null; // for the add form; only fetched for admins
    this.busy = false;
    this.run = 0;
    pane.addEventListener('change', (e) => {
      const select = e.target.closest('select[data-member-role]');
      if (select) this.setRole(select.dataset.memberRole, select.value, select);
    });
    pane.addEventListener('click', (e) => {
      const remove = e.target.closest('button[data-remove-member]');
      if (remove) this.remove(remove.dataset.removeMember);
    });
    pane.addEventListener('submit', (e) => {
      if (!e.target.closest('form.add-member')) return;
      e.preventDefault();
      this.add(e.target);
    });
  }

  isAdmin() {
    const doc = this.hooks.doc();
    return Boolean(doc) && doc.role === 'admin';
  }

  reset() {
    this.run += 1;
    this.members = null;
    this.users = null;
    this.body.innerHTML = '';
  }

  async shown() {
    const run = ++this.run;
    if (!this.members) this.body.innerHTML = '<p class="loading">正在加载…</p>';
    try {
      const [members, users] = await Promise.all([
        api('GET', docPath(this.hooks.docId(), '/members')),
        this.isAdmin() ? api('GET', '/api/users').catch(() => []) : Promise.resolve([]),
      ]);
      if (run !== this.run) return;
      this.members = Array.isArray(members) ? members : [];
      this.users = Array.isArray(users) ? users : [];
      this.draw();
    } catch (err) {
      if (run === this.run) this.body.innerHTML = `<p class="job-error">无法加载成员：${esc(err.message)}</p>`;
    }
  }

  draw() {
    const admin = this.isAdmin();
    const me = this.hooks.me() || {};
    const rows = this.members.map((m) => {
      const self = me.username ? m.username === me.username : m.name === me.name;
      // Not one's own role: a slip of the mouse would take away the right to put it back.
      const role = admin && !self
        ? `<select data-member-role="${esc(m.username)}" aria-label="${esc(m.name || m.username)} 的角色"${this.busy ? ' disabled' : ''}>`
          + `${roleOptions(m.role)}</select>`
        : `<span class="m-role">${esc(roleName(m.role))}</span>`;
      const remove = admin && !self ? `<button type="button" class="m-remove" data-remove-member="${esc(m.username)}"`
        + `${this.busy ? ' disabled' : ''} title="移出本预算">移除</button>` : '';
      return `<li data-username="${esc(m.username)}"><span class="m-name">${esc(m.name || m.username)}`
        + `${self ? '<span class="m-self">（我）</span>' : ''}</span><span class="m-user">${esc(m.username)}</span>`
        + `${role}${remove}</li>`;
    });
    let form = '';
    if (admin) {
      const inside = new Set(this.members.map((m) => m.username));
      const free = (this.users || []).filter((u) => !inside.has(u.username));
      form = free.length
        ? '<form class="add-member"><h3>添加成员</h3><label>用户<select name="username" required>'
          + free.map((u) => `<option value="${esc(u.username)}">${esc(u.name)}（${esc(u.username)}）</option>`).join('')
          + `</select></label><label>角色<select name="role">${roleOptions('editor')}</select></label>`
          + `<button type="submit"${this.busy ? ' disabled' : ''}>添加</button></form>`
        : '<p class="v-note">所有用户都已是本预算的成员。</p>';
    } else form = '<p class="v-note">只有本预算的管理员可以调整成员。</p>';
    this.body.innerHTML = `<ul class="member-list">${rows.join('')}</ul>${form}`;
  }

  async change(method, username, body, done) {
    if (this.busy) return;
    this.busy = true;
    this.draw();
    try {
      await api(method, docPath(this.hooks.docId(), `/members/${encodeURIComponent(username)}`), body);
      toast(done);
    } catch (err) {
      toast(`未能修改成员：${err.message}`, 'error');
    } finally {
      this.busy = false;
      await this.shown();
    }
  }

  setRole(username, role, select) {
    const m = this.members.find((x) => x.username === username);
    if (!m || m.role === role) return;
    select.disabled = true;
    this.change('PUT', username, { role }, `${m.name || username} 的角色已改为${roleName(role)}`);
  }

  async remove(username) {
    const m = this.members.find((x) => x.username === username);
    if (!m) return;
    const yes = await confirmDialog({ text: `将 ${m.name || username}（${roleName(m.role)}）移出本预算？移出后对方立即无法再打开它。`,
      ok: '移除', cancel: '取消' });
    if (yes) this.change('DELETE', username, undefined, `已移除 ${m.name || username}`);
  }

  add(form) {
    const username = form.elements.namedItem('username').value;
    const role = form.elements.namedItem('role').value;
    if (!username) return;
    const u = (this.users || []).find((x) => x.username === username);
    this.change('PUT', username, { role }, `已添加 ${u ? u.name : username}（${roleName(role)}）`);
  }
}
