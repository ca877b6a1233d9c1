// Exports of an approved version or of the draft (XLSX, PDF, CSV, JSON) as server jobs:
// POST …/exports starts one, GET /api/jobs/{id} reports progress (done / total), and the finished
// file is fetched with the bearer token and handed to the browser through a temporary object URL.
// The list of jobs stays in the 版本 panel so a file can be saved again without exporting again.

import { api, docPath, fetchFile, ApiError } from './api.js';
import { esc, toast } from './ui.js';

export const FORMATS = [
  { key: 'xlsx', label: 'XLSX', ext: 'xlsx' },
  { key: 'pdf', label: 'PDF', ext: 'pdf' },
  { key: 'csv', label: 'CSV', ext: 'zip' },
  { key: 'json', label: 'JSON', ext: 'json' },
];
const POLL_MS = 400;
const GIVE_UP_MS = 5 * 60 * 1000; // the server keeps a job 10 minutes; a stuck one must not poll for ever

function sizeText(bytes) {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The buttons of one export row: data-export-format with data-export-version ('' = the draft). */
export function exportButtons(version) {
  const v = version == null ? '' : String(version);
  return FORMATS.map((f) => `<button type="button" class="export-btn" data-export-format="${f.key}" `
    + `data-export-version="${esc(v)}" title="导出${v ? `第 ${esc(v)} 版` : '草稿'}为 ${f.label}">${f.label}</button>`).join('');
}

export class Exports {
  /** list: the <ul> for jobs; hooks: docId(), unit(), title() (the budget's title, for file names) */
  constructor(list, hooks) {
    this.list = list;
    this.hooks = hooks;
    this.jobs = []; // {n, format, version, unit, status, done, total, stage, name, bytes, url, error}
    this.seq = 0;
    this.run = 0; // bumped on reset, so polls of a closed document stop
    list.addEventListener('click', (e) => {
      const again = e.target.closest('button[data-save-job]');
      if (again) this.save(this.jobs.find((j) => String(j.n) === again.dataset.saveJob));
    });
  }

  reset() {
    this.run += 1;
    for (const j of this.jobs) if (j.url) URL.revokeObjectURL(j.url);
    this.jobs = [];
    this.draw();
  }

  /** format: xlsx|pdf|csv|json; version: an approved version's number, or null for the draft. */
  async start(format, version) {
    const run = this.run;
    const job = { n: ++this.seq, format, version, unit: this.hooks.unit(), status: 'starting', done: 0, total: 0 };
    this.jobs.unshift(job);
    this.draw();
    try {
      const started = await api('POST', docPath(this.hooks.docId(), '/exports'), { format, version, unit: job.unit });
      job.id = started.id;
      this.track(job, started);
      const deadline = Date.now() + GIVE_UP_MS;
      while (job.status === 'running') {
        if (run !== this.run) return;
        if (Date.now() > deadline) throw new ApiError(0, 'TIMEOUT', '导出超时，请稍后重试');
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (run !== this.run) return;
        this.track(job, await api('GET', `/api/jobs/${encodeURIComponent(job.id)}`));
      }
      if (job.status === 'failed') throw new ApiError(0, 'FAILED', job.error || '导出失败');
      const file = await fetchFile(`/api/jobs/${encodeURIComponent(job.id)}/file`);
      if (run !== this.run) return;
      job.url = URL.createObjectURL(file.blob);
      job.bytes = file.blob.size;
      job.name = (job.file && job.file.name) || file.name || this.fallbackName(job);
      job.status = 'done';
      this.draw();
      this.save(job);
    } catch (err) {
      if (run !== this.run) return;
      job.status = 'failed';
      job.error = err instanceof ApiError && err.status === 404 && !job.id
        ? '服务器尚未提供导出功能（NOT_FOUND）' : (err.message || String(err));
      this.draw();
      toast(`导出失败：${job.error}`, 'error');
    }
  }

  track(job, state) {
    job.status = state.status === 'done' || state.status === 'failed' ? state.status : 'running';
    job.done = Number(state.done) || 0;
    job.total = Number(state.total) || 0;
    job.stage = state.stage || '';
    job.file = state.file || job.file;
    job.error = state.error || job.error;
    if (job.status === 'done') job.status = 'fetching'; // the file is still to be fetched
    this.draw();
  }

  fallbackName(job) {
    const f = FORMATS.find((x) => x.key === job.format);
    return `${this.hooks.title() || '预算'}-${job.version ? `第${job.version}版` : '草稿'}.${f ? f.ext : job.format}`;
  }

  /** Hands the file to the browser's download, as a click on a link would. */
  save(job) {
    if (!job || !job.url) return;
    const a = document.createElement('a');
    a.href = job.url;
    a.download = job.name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
  }

  draw() {
    if (!this.jobs.length) {
      this.list.innerHTML = '';
      return;
    }
    this.list.innerHTML = this.jobs.map((j) => {
      const what = `${j.version ? `第 ${esc(j.version)} 版` : '草稿'} · ${esc(j.format.toUpperCase())} · ${esc(j.unit)}`;
      let state = '';
      if (j.status === 'starting') state = '正在开始…';
      else if (j.status === 'running') {
        state = `正在导出${j.stage ? `（${esc(j.stage)}）` : ''}… ${j.total ? `${j.done}/${j.total}` : ''}`
          + `<progress max="${j.total || 1}" value="${j.total ? j.done : 0}"></progress>`;
      } else if (j.status === 'fetching') state = '正在下载…';
      else if (j.status === 'done') {
        state = `已下载 <span class="job-file">${esc(j.name)}</span>（${sizeText(j.bytes)}） `
          + `<button type="button" class="linkish" data-save-job="${j.n}">再次保存</button>`;
      } else state = `<span class="job-error">${esc(j.error || '导出失败')}</span>`;
      return `<li data-status="${j.status}" data-format="${esc(j.format)}" data-version="${esc(j.version ?? '')}"`
        + `${j.bytes ? ` data-bytes="${j.bytes}"` : ''}><span class="job-what">${what}</span>`
        + `<span class="job-state" role="status">${state}</span></li>`;
    }).join('');
  }
}
