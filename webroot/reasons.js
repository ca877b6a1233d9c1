// The reason every change to a table reopened after approval must carry (edit / editText field
// `reason`; the server answers INVALID_VALUE without one). Asked once per table per session and
// reused, because a supervisor who reopens 表3 for one correction expects one explanation for it,
// not a question per figure; forgotten when the table is approved again, so the next reopen asks anew.

import { askText } from './dialogs.js';
import { esc } from './ui.js';

export const REASON_MAX = 500;

export class Reasons {
  /** hooks: flow(section) → the table's workflow entry, title(section) → "表3 一般公共预算基本支出表" */
  constructor(hooks) {
    this.hooks = hooks;
    this.given = new Map(); // section → reason
    this.asked = new Map(); // section → promise of the question on screen, so two edits share it
  }

  /** True when changes to the table need a reason the server has not been given in this session. */
  needed(section) {
    const flow = this.hooks.flow(section);
    return Boolean(flow && flow.reopened);
  }

  /** The reason to send with a change, or undefined when none is needed. Never asks. */
  known(section) {
    return this.needed(section) ? this.given.get(section) : undefined;
  }

  /** Resolves to the reason (asking if need be) or null when the user declined. */
  obtain(section) {
    if (!this.needed(section)) return Promise.resolve(undefined);
    if (this.given.has(section)) return Promise.resolve(this.given.get(section));
    if (this.asked.has(section)) return this.asked.get(section);
    const flow = this.hooks.flow(section) || {};
    const why = flow.comment ? `<p>重新打开的原因：${esc(flow.comment)}</p>` : '';
    const question = askText({
      title: `${this.hooks.title(section)}：填写修改原因`,
      html: `<p>该表批准后已被重新打开，每处修改都会连同原因记入留痕。本次会话中对该表的修改将沿用这一原因。</p>${why}`,
      label: '修改原因',
      placeholder: '例如：按财政局批复调整办公费',
      required: true,
      maxLength: REASON_MAX,
      ok: '保存修改',
    }).then((answer) => {
      this.asked.delete(section);
      if (answer) this.given.set(section, answer);
      return answer || null;
    });
    this.asked.set(section, question);
    return question;
  }

  /** After a review step: an approved (no longer reopened) table asks again after its next reopen. */
  sync() {
    for (const section of [...this.given.keys()]) {
      if (!this.needed(section)) this.given.delete(section);
    }
  }

  reset() {
    this.given.clear();
    this.asked.clear();
  }
}
