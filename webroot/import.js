// 导入公开预算 on the 我的预算 list: pick a published budget text, upload it with progress,
// wait while the server reads the tables, then show its report. Only for users whose global role
// may create budgets; the server refuses everyone else anyway, this just avoids offering it.

import { uploadImport, listTemplates, getDocument, api } from './api.js';
import { reportHtml } from './import-report.js';
import { $, toast } from './ui.js';

const JOB_POLL_MS = 250;
/** A failed job's code, as the status the synchronous call would have answered with. */
const JOB_STATUS = { INVALID_IMPORT: 422, FORBIDDEN: 403, TOO_LARGE: 413, BAD_MESSAGE: 400, UNAVAILABLE: 503 };

/** The server's limit (ImportRoutes.MAX_UPLOAD_BYTES); checked here too so nobody waits for a refusal. */
const MAX_BYTES = 12 * 1024 * 1024;
/** Cell names are a nicety: a slow document read must not hold the report back for long. */
const NAMES_WAIT_MS = 4000;

export function mayImport(user) {
  return Boolean(user) && Array.isArray(user.roles) && user.roles.some((r) => r === 'editor' || r === 'admin');
}

function sizeText(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Resolves to null instead of failing or hanging: for optional extras of the report. */
function settle(promise, ms) {
  return Promise.race([promise.catch(() => null), new Promise((resolve) => setTimeout(() => resolve(null), ms))]);
}

const PANEL_HTML = `
  <form class="import-form" novalidate>
    <label class="import-title" for="import-file">导入公开预算…</label>
    <input type="file" id="import-file" name="file"
      accept=".txt,.md,.markdown,.tsv,.tab,.text,text/plain,text/markdown,text/tab-separated-values">
    <button type="submit" id="import-start">开始导入</button>
    <button type="button" id="import-cancel" hidden>取消</button>
    <p class="import-hint">已公开发布的预算文本（markdown 或制表符分隔的表格，UTF-8，不超过 12 MB），将新建一份预算；也可把文件拖到这里。</p>
    <div class="import-status" hidden>
      <progress id="import-progress" max="100" value="0" data-percent="0"></progress>
      <span class="import-status-text" role="status" aria-live="polite"></span>
    </div>
    <p id="import-error" role="alert" hidden></p>
  </form>
  <section id="import-report" aria-label="导入报告" hidden></section>`;

export class ImportPanel {
  /**
   * host: the element the panel is put into (on the list view); hooks: onImported(document) to
   * refresh the list, onUnauthorized() when the login expired, open(id) to open the new budget.
   */
  constructor(host, hooks) {
    this.host = host;
    this.hooks = hooks;
    this.root = null;
    this.upload = null; // {abort} while a request is out
    this.phase = 'idle';
    this.run = 0; // bumped per start and reset, so a late answer of an abandoned run is ignored
    this.detached = 0; // the run the user stopped waiting for: its answer still refreshes the list
    this.templates = null; // promise of GET /api/templates, kept for the tab's life
    this.created = null;
  }

  /** Shows the panel to users who may import and removes it (not just hides it) for everyone else. */
  sync(user) {
    if (!mayImport(user)) {
      this.reset();
      if (this.root) this.root.remove();
      this.root = null;
      return;
    }
    if (this.root) return;
    this.root = document.createElement('section');
    this.root.id = 'import-panel';
    this.root.dataset.state = 'idle';
    this.root.setAttribute('aria-label', '导入公开预算');
    this.root.innerHTML = PANEL_HTML;
    this.host.append(this.root);
    this.bind();
  }

  /** Logout or a different user: stop the upload and forget the last report. */
  reset() {
    this.run += 1;
    this.detached = 0;
    if (this.upload) this.upload.abort();
    this.upload = null;
    this.templates = null;
    this.created = null;
    if (!this.root) return;
    this.el('#import-file').value = '';
    this.el('#import-report').hidden = true;
    this.el('#import-report').textContent = '';
    this.showError('');
    this.setPhase('idle');
  }

  el(selector) {
    return $(selector, this.root);
  }

  bind() {
    const form = this.el('.import-form');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.start();
    });
    this.el('#import-cancel').addEventListener('click', () => this.cancel());
    this.el('#import-file').addEventListener('change', () => {
      // A new choice makes the old complaint about the previous file meaningless.
      if (this.phase === 'error' || this.phase === 'cancelled') this.setPhase('idle');
      this.showError('');
    });
    // Dropping a file anywhere on the form is the same as choosing it.
    form.addEventListener('dragover', (e) => {
      if (this.busy || !e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
      e.preventDefault();
      form.classList.add('drop');
    });
    form.addEventListener('dragleave', () => form.classList.remove('drop'));
    form.addEventListener('drop', (e) => {
      form.classList.remove('drop');
      if (this.busy || !e.dataTransfer || !e.dataTransfer.files.length) return;
      e.preventDefault();
      this.el('#import-file').files = e.dataTransfer.files;
      this.showError('');
    });
    const report = this.el('#import-report');
    report.addEventListener('click', (e) => {
      if (e.target.closest('#import-open') && this.created) this.hooks.open(this.created.id);
      if (e.target.closest('.ir-close')) {
        report.hidden = true;
        this.el('#import-file').focus();
      }
    });
  }

  get busy() {
    return this.phase === 'uploading' || this.phase === 'processing';
  }

  /** One attribute for tests and CSS, plus which controls make sense in that phase. */
  setPhase(phase) {
    this.phase = phase;
    if (!this.root) return;
    this.root.dataset.state = phase;
    this.el('#import-start').disabled = this.busy;
    this.el('#import-file').disabled = this.busy;
    this.el('#import-cancel').hidden = !this.busy;
    // After the last byte, "cancel" can no longer undo anything on the server; the label says what it does.
    this.el('#import-cancel').textContent = phase === 'processing' ? '不再等待' : '取消';
    this.el('.import-status').hidden = !this.busy;
  }

  showProgress(loaded, total) {
    const bar = this.el('#import-progress');
    // Floor, so 100 % appears only once everything really went out.
    const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
    bar.value = percent;
    bar.dataset.percent = String(percent);
    bar.dataset.phase = 'uploading';
    this.el('.import-status-text').textContent = `正在上传 ${percent}%（${sizeText(loaded)} / ${sizeText(total)}）`;
  }

  /** Everything is sent; the server now reads the tables. No value makes the bar indeterminate. */
  showProcessing() {
    if (this.phase !== 'uploading') return;
    this.setPhase('processing');
    const bar = this.el('#import-progress');
    bar.removeAttribute('value');
    bar.dataset.percent = '100';
    bar.dataset.phase = 'processing';
    this.el('.import-status-text').textContent = '正在识别表格、核对合计…';
  }

  showError(text) {
    const el = this.el('#import-error');
    el.textContent = text;
    el.hidden = !text;
  }

  fail(text) {
    this.setPhase('error');
    this.showError(text);
  }

  async start() {
    if (this.busy) return;
    const input = this.el('#import-file');
    const file = input.files && input.files[0];
    if (!file) {
      this.fail('请先选择要导入的预算文本文件');
      input.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      this.fail(`文件太大（上限 12 MB）：${file.name} 有 ${sizeText(file.size)}`);
      return;
    }
    if (file.size === 0) {
      this.fail(`无法导入：${file.name} 是空文件`);
      return;
    }
    const run = ++this.run;
    this.created = null;
    this.showError('');
    this.el('#import-report').hidden = true;
    this.setPhase('uploading');
    this.showProgress(0, file.size);
    // The template list decides 元 or 万元 for the report; fetching it now means it is ready by then.
    if (!this.templates) this.templates = listTemplates().catch(() => null);
    this.upload = uploadImport(file, {
      onProgress: (loaded, total) => run === this.run && this.phase === 'uploading' && this.showProgress(loaded, total),
      onSent: () => run === this.run && this.showProcessing(),
    });
    let answer;
    try {
      answer = await this.upload.done;
    } catch (err) {
      if (run !== this.run) return;
      this.upload = null;
      if (err.code === 'ABORTED') return; // cancel() already said what happened
      this.fail(`网络连接中断，导入没有完成。请检查网络后再点“开始导入”重试（${file.name}）。`);
      return;
    }
    if (run !== this.run) {
      if (run === this.detached) this.arrivedLate(answer);
      return;
    }
    this.upload = null;
    // A late upload.onload can be skipped when the answer comes at once; the bar is done either way.
    if (answer.status === 202 && answer.data && answer.data.id) answer = await this.follow(run, answer.data);
    if (!answer) return;
    if (answer.status === 201 && answer.data && answer.data.document) await this.succeed(run, answer.data);
    else this.refused(answer.status, answer.data, file);
  }

  /**
   * The server reads the tables as a job: poll it, showing the stage and the tables read, until it
   * ends. Answers as the synchronous call would ({status, data}), or null if the user stopped waiting.
   */
  async follow(run, job) {
    this.showProcessing();
    for (;;) {
      if (run !== this.run) return null;
      if (job.status === 'done') return { status: 201, data: job.result };
      if (job.status === 'failed') return { status: JOB_STATUS[job.code] || 500, data: { message: job.error } };
      const total = job.total || 0;
      this.el('.import-status-text').textContent = total > 0
        ? `${job.stage || '正在识别'}：${Math.min(job.done, total)} / ${total} 张表`
        : `${job.stage || '正在识别表格'}…`;
      await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
      try {
        job = await api('GET', `/api/jobs/${encodeURIComponent(job.id)}`);
      } catch (err) {
        if (run !== this.run) return null;
        return { status: err.status || 0, data: { message: err.message } };
      }
    }
  }

  /**
   * While uploading, aborting means the server never gets the whole file: nothing is created.
   * Once it is all sent the server goes on regardless, so the request is left to finish unseen
   * and its answer, if a budget came of it, still refreshes the list.
   */
  cancel() {
    if (!this.busy || !this.upload) return;
    if (this.phase === 'processing') {
      this.detached = this.run;
      this.run += 1;
      this.upload = null;
      this.setPhase('cancelled');
      this.showError('已停止等待。文件已经上传，服务器仍会完成识别，建好的预算会自动出现在下方列表中。');
      return;
    }
    this.run += 1;
    this.upload.abort();
    this.upload = null;
    this.setPhase('cancelled');
    this.showError('已取消导入，文件没有上传完，未建立预算。');
  }

  /** The answer to an import the user stopped waiting for. */
  arrivedLate(answer) {
    this.detached = 0;
    if (answer.status !== 201 || !answer.data || !answer.data.document) return;
    this.hooks.onImported(answer.data.document);
    toast(`「${answer.data.document.title || '新预算'}」已导入，见列表中标出的一行`);
  }

  refused(status, data, file) {
    const message = data && data.message ? String(data.message) : '';
    if (status === 401) {
      this.fail('登录已失效，请重新登录后再导入');
      this.hooks.onUnauthorized();
      return;
    }
    if (status === 403) this.fail('只有填报人和管理员可以导入');
    else if (status === 413) this.fail(`文件太大（上限 12 MB）：${file.name} 有 ${sizeText(file.size)}`);
    else if (status === 422) this.fail(`无法导入：${message || '文本中没有能对应到预算模板的表格'}`);
    else if (status === 400) this.fail(`无法导入：${message || '上传的请求不完整'}，请重新选择文件再试`);
    else if (status === 0 || status >= 500) {
      this.fail(`服务器暂时无法完成导入（${status || '无响应'}）${message ? `：${message}` : ''}。请稍后点“开始导入”重试。`);
    } else this.fail(`导入失败（${status}）${message ? `：${message}` : ''}`);
  }

  async succeed(run, data) {
    this.created = data.document;
    // The budget exists now: there is nothing left to cancel, only the report to put together.
    this.el('#import-cancel').hidden = true;
    this.el('.import-status-text').textContent = '已建立预算，正在整理报告…';
    this.hooks.onImported(data.document);
    const report = data.report || {};
    const [templates, doc] = await Promise.all([
      settle(this.templates || Promise.resolve(null), NAMES_WAIT_MS),
      settle(getDocument(data.document.id), NAMES_WAIT_MS),
    ]);
    if (run !== this.run || !this.root) return;
    const template = Array.isArray(templates) ? templates.find((t) => t && t.id === report.template) || null : null;
    // 万元 exactly when the template publishes in 万元; the document says the same if the list failed.
    const displayUnit = template ? template.displayUnit : doc && doc.displayUnit;
    const unit = displayUnit === '万元' ? '万元' : '元';
    const panel = this.el('#import-report');
    panel.innerHTML = reportHtml(data, { template, unit, doc });
    panel.dataset.docId = String(data.document.id);
    panel.hidden = false;
    this.setPhase('done');
    this.el('#import-file').value = '';
    this.el('#import-open').focus({ preventScroll: true });
    panel.scrollIntoView({ block: 'nearest' });
  }
}
