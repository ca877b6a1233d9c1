// Section review (审批流程): each table's state (草稿 / 已提交 / 已批准 / 已退回) in the sidebar and
// above the table, the steps the user's role may take, and «批准整个预算» once every table is
// approved. Submitted and approved tables are locked: their cells are drawn read-only here and the
// server refuses changes anyway (SECTION_LOCKED). The model is the snapshot's workflow, moved on
// by the `workflow` and `approvedVersion` parts of applied frames.

import { askText } from './dialogs.js';
import { CommandError } from './commands.js';
import { SEVERITY_TEXT } from './checks.js';
import { esc, toast, formatTime } from './ui.js';

export const STATUS_TEXT = { draft: '草稿', submitted: '已提交', approved: '已批准', returned: '已退回' };
const LOCKED = new Set(['submitted', 'approved']);

/** Who may take a step: preparers (填报人) submit and recall, supervisors (审批人) decide, admins both. */
const STEPS = [
  { action: 'submit', label: '提交', by: 'preparer', from: ['draft', 'returned'], done: '已提交审核' },
  { action: 'recall', label: '撤回', by: 'preparer', from: ['submitted'], done: '已撤回为草稿' },
  { action: 'return', label: '退回', by: 'decider', from: ['submitted'], done: '已退回填报人', reason: '退回原因' },
  { action: 'approve', label: '批准', by: 'decider', from: ['submitted'], done: '已批准' },
  { action: 'reopen', label: '重新打开', by: 'decider', from: ['approved'], done: '已重新打开', reason: '重新打开原因' },
];
const COMMENT_LABEL = { submit: '提交说明', recall: '撤回说明', return: '退回原因', approve: '批准意见', reopen: '重新打开原因' };
const DONE_VERB = { submit: '提交', recall: '撤回', return: '退回', approve: '批准', reopen: '重新打开' };

function mayTake(role, step) {
  if (role === 'admin') return true;
  return step.by === 'preparer' ? role === 'editor' : role === 'supervisor';
}

/** A snapshot's flow does not name its last step; the state (and the reopened mark) tells it. */
function inferAction(flow) {
  if (!flow || !flow.by) return null;
  return { submitted: 'submit', approved: 'approve', returned: 'return' }[flow.status]
    || (flow.reopened ? 'reopen' : 'recall');
}

export class Review {
  /**
   * els: {block: #doc-review}; grid: the Grid; commands: Commands;
   * hooks: doc() (the draft), viewing() (the approved version shown, or null), version() (the
   * draft's version number), onChange(section) after a step, onVersion(v) after a new version,
   * openChecks(keys) to show the 审核 panel at a table's problems
   */
  constructor(els, grid, commands, hooks) {
    this.block = els.block;
    this.grid = grid;
    this.commands = commands;
    this.hooks = hooks;
    this.flows = {};
    this.versions = [];
    grid.container.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-wf-action]');
      if (b) this.take(b.dataset.section, b.dataset.wfAction);
    });
    this.block.addEventListener('click', (e) => {
      if (e.target.closest('#approve-document')) this.approveDocument();
    });
  }

  // ---- model -------------------------------------------------------------------

  reset(doc) {
    const wf = (doc && doc.workflow) || {};
    this.flows = {};
    for (const s of doc ? doc.sections : []) {
      const flow = (wf.sections && wf.sections[s.key]) || { status: 'draft', reopened: false };
      this.flows[s.key] = { ...flow, action: inferAction(flow) };
    }
    this.versions = Array.isArray(wf.versions) ? [...wf.versions] : [];
  }

  /** The workflow and approvedVersion parts of an applied frame; mirrors the server's SectionFlow. */
  apply(ev) {
    for (const step of ev.workflow || []) {
      const before = this.flows[step.section] || { reopened: false };
      this.flows[step.section] = {
        status: step.to, label: STATUS_TEXT[step.to], by: ev.by || null, at: ev.at || null,
        comment: step.comment ?? null, action: step.action,
        reopened: step.action === 'reopen' || (before.reopened && step.to !== 'approved'),
      };
      this.hooks.onChange(step.section);
    }
    if (ev.approvedVersion) {
      this.versions.push(ev.approvedVersion);
      this.hooks.onVersion(ev.approvedVersion);
    }
    if ((ev.workflow && ev.workflow.length) || ev.approvedVersion) this.drawBlock();
  }

  flow(section) {
    return this.flows[section] || null;
  }

  status(section) {
    const f = this.flows[section];
    return f ? f.status : 'draft';
  }

  locked(section) {
    return LOCKED.has(this.status(section));
  }

  title(section) {
    const doc = this.hooks.doc();
    const s = doc && doc.sections.find((x) => x.key === section);
    return s ? `表${s.number} ${s.title}` : section;
  }

  // ---- HTML --------------------------------------------------------------------

  /** The state chip in a table's sidebar entry, and a slot for who is looking at it. */
  navHtml(section) {
    const status = this.hooks.viewing() ? 'approved' : this.status(section.key);
    return `<span class="nav-status" data-status="${status}">${STATUS_TEXT[status]}</span>`
      + '<span class="nav-peers"></span>';
  }

  /** The bar above a table: state, last step with its comment, the steps this user may take. */
  headHtml(section) {
    return `<div class="review-bar" data-section="${esc(section.key)}">`
      + `<div class="wf-main">${this.mainHtml(section.key)}</div>`
      + '<span class="sheet-peers"></span><span class="sheet-comments"></span></div>';
  }

  mainHtml(key) {
    const viewing = this.hooks.viewing();
    if (viewing) {
      return `<span class="wf-badge" data-status="approved">已批准</span>`
        + `<span class="wf-last">第 ${esc(viewing.number)} 版（只读）</span>`;
    }
    const flow = this.flows[key] || { status: 'draft' };
    const status = flow.status;
    let html = `<span class="wf-badge" data-status="${status}">${STATUS_TEXT[status] || status}</span>`
      + `<span class="wf-actions">${this.buttonsHtml(key, status)}</span>`;
    if (LOCKED.has(status)) {
      html += `<span class="wf-lock" title="${status === 'approved' ? '需审批人重新打开后才能修改' : '填报人可撤回后修改'}">`
        + '已锁定，不能修改</span>';
    } else if (flow.reopened) html += '<span class="wf-lock reopened">批准后重新打开：修改需填写原因</span>';
    if (flow.by && flow.action) {
      html += `<span class="wf-last">${esc(flow.by.name)} ${esc(formatTime(flow.at))} ${DONE_VERB[flow.action] || ''}</span>`;
    }
    if (flow.comment) {
      html += `<span class="wf-comment" data-action="${esc(flow.action || '')}">`
        + `<b>${COMMENT_LABEL[flow.action] || '批注'}：</b>${esc(flow.comment)}</span>`;
    }
    return html;
  }

  buttonsHtml(key, status) {
    const doc = this.hooks.doc();
    const role = doc && doc.role;
    const busy = this.commands.pending('workflow', (m) => m.section === key);
    return STEPS.filter((s) => s.from.includes(status) && mayTake(role, s)).map((s) =>
      `<button type="button" class="wf-btn" data-wf-action="${s.action}" data-section="${esc(key)}"`
      + `${busy ? ' disabled' : ''}>${s.label}</button>`).join('');
  }

  /** After a render: each sheet carries its state, so CSS greys a locked table's inputs. */
  afterRender() {
    for (const el of this.grid.container.querySelectorAll('section.sheet')) this.markSheet(el.dataset.section);
    this.drawBlock();
  }

  markSheet(key) {
    const el = this.grid.sectionEl(key);
    if (!el) return;
    const viewing = this.hooks.viewing();
    el.dataset.status = viewing ? 'approved' : this.status(key);
    el.dataset.locked = String(Boolean(viewing) || this.locked(key));
  }

  /** One table's state changed: its chip, bar, sheet marks and cells, in place. */
  redraw(key) {
    if (this.hooks.viewing()) return; // the version on screen does not change; the draft is redrawn on return
    const chip = this.grid.nav.querySelector(`li[data-section="${CSS.escape(key)}"] .nav-status`);
    if (chip) {
      chip.dataset.status = this.status(key);
      chip.textContent = STATUS_TEXT[this.status(key)];
    }
    const main = this.grid.container.querySelector(`.review-bar[data-section="${CSS.escape(key)}"] .wf-main`);
    if (main) {
      const hadFocus = main.contains(document.activeElement);
      main.innerHTML = this.mainHtml(key);
      // The button pressed is gone with the old HTML; keep the keyboard in the bar, not on <body>.
      const again = hadFocus && main.querySelector('button:not([disabled])');
      if (again) again.focus({ preventScroll: true });
    }
    this.markSheet(key);
    this.grid.refreshEditable(key);
  }

  /** The sidebar block: how far review is, and «批准整个预算» for those who may. */
  drawBlock() {
    const doc = this.hooks.doc();
    if (!doc) {
      this.block.innerHTML = '';
      return;
    }
    const keys = doc.sections.map((s) => s.key);
    const n = { draft: 0, submitted: 0, approved: 0, returned: 0 };
    for (const k of keys) n[this.status(k)] = (n[this.status(k)] || 0) + 1;
    const last = this.versions[this.versions.length - 1];
    const mayApprove = doc.role === 'supervisor' || doc.role === 'admin';
    const all = n.approved === keys.length && keys.length > 0;
    const unchanged = last && last.version === this.hooks.version();
    const busy = this.commands.pending('workflow', (m) => m.action === 'approve_document');
    let button = '';
    if (mayApprove && !this.hooks.viewing()) {
      const why = !all ? `还有 ${keys.length - n.approved} 张表未批准` : unchanged ? `自第 ${last.number} 版以来没有变化` : '';
      button = `<button type="button" id="approve-document"${why || busy ? ' disabled' : ''} title="${esc(why)}">`
        + `${busy ? '正在批准…' : '批准整个预算'}</button>`;
    }
    this.block.innerHTML = `<div class="dr-head">审批进度 <b>${n.approved}/${keys.length}</b> 张表已批准</div>`
      + `<progress max="${keys.length}" value="${n.approved}"></progress>`
      + `<div class="dr-counts">${['draft', 'returned', 'submitted', 'approved'].map((st) =>
        `<span data-status="${st}">${STATUS_TEXT[st]} ${n[st]}</span>`).join(' · ')}</div>`
      + (last ? `<div class="dr-version">最新：第 ${esc(last.number)} 版 · ${esc(formatTime(last.approvedAt))}</div>` : '')
      + button;
  }

  // ---- steps -------------------------------------------------------------------

  async take(section, action, comment = null) {
    const step = STEPS.find((s) => s.action === action);
    if (!step || this.commands.pending('workflow', (m) => m.section === section)) return;
    let text = comment;
    if (step.reason && text === null) {
      text = await askText({ title: `${step.label} ${this.title(section)}`, label: step.reason, required: true,
        placeholder: action === 'return' ? '例如：基本支出与支出表不一致，请核对后重新提交' : '例如：根据财政局意见调整办公费',
        ok: step.label, danger: action === 'return' });
      if (text === null) return;
    }
    const sending = this.commands.send({ type: 'workflow', section, action, comment: text || null });
    this.redraw(section); // buttons show the step is on its way
    try {
      await sending;
      toast(`${this.title(section)}：${step.done}`);
    } catch (err) {
      if (err.code === 'CLOSED') return;
      if (err.code === 'CHECKS_FAILED') this.checksFailed(section, err);
      else toast(`${this.title(section)}：${err.message || err.code}`, 'error');
    } finally {
      this.redraw(section);
    }
  }

  /** A submit the rule results refused: errors must be fixed; warnings may be acknowledged in a note. */
  async checksFailed(section, err) {
    const d = err.details || {};
    const checks = Array.isArray(d.checks) ? d.checks : [];
    const list = `<ul class="ask-checks">${checks.map((c) => `<li data-severity="${esc(c.severity)}">`
      + `<b>${esc(SEVERITY_TEXT[c.severity] || c.severity)} ${esc(c.rule)}</b> ${esc(c.message)}</li>`).join('')}</ul>`;
    if (d.acknowledgementRequired) {
      const note = await askText({ title: `提交 ${this.title(section)}：请确认审核提醒`,
        html: `<p>${esc(err.message)}</p>${list}`, label: '确认说明（随提交记录）',
        placeholder: '例如：已与人事科核对，缴费基数按新标准计算', required: true, ok: '确认并提交' });
      if (note) this.take(section, 'submit', note);
      return;
    }
    const go = await askText({ title: `${this.title(section)} 未能提交`, html: `<p>${esc(err.message)}</p>${list}`,
      noField: true, ok: '查看审核结果', cancel: '关闭' });
    if (go !== null) this.hooks.openChecks(checks.map((c) => c.key));
  }

  async approveDocument() {
    const next = this.versions.length + 1;
    const comment = await askText({ title: '批准整个预算',
      html: `<p>所有表均已批准。批准后将生成<b>第 ${next} 版</b>：内容冻结、记录哈希，可导出为公开表格；之后的修改不会改变该版本。</p>`,
      label: '批准意见（可选）', placeholder: '例如：同意公开', ok: `批准并生成第 ${next} 版` });
    if (comment === null) return;
    const sending = this.commands.send({ type: 'workflow', section: null, action: 'approve_document', comment: comment || null });
    this.drawBlock();
    try {
      await sending;
      toast(`已批准整个预算，生成第 ${next} 版`);
    } catch (err) {
      if (err instanceof CommandError && err.code !== 'CLOSED') toast(`未能批准：${err.message || err.code}`, 'error');
    } finally {
      this.drawBlock();
    }
  }
}
