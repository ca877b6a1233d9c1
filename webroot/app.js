// Entry point: login, the document list and hash routing (#doc/ID) so a reload reopens
// the same budget. Everything inside an open document lives in doc.js.

import { session, clearSession, login, listDocuments, ApiError } from './api.js';
import { Connection } from './socket.js';
import { DocumentSession } from './doc.js';
import { ImportPanel } from './import.js';
import { $, esc, toast, roleName } from './ui.js';

const views = {
  login: $('#login-view'),
  list: $('#list-view'),
  doc: $('#doc-view'),
};

const CONN_TEXT = {
  connecting: '连接中…',
  open: '已连接',
  reconnecting: '重连中…',
  closed: '未连接',
};

let docSession = null;

const conn = new Connection({
  token: () => (session() || {}).token || null,
  onOpen: () => docSession && docSession.connected(),
  onMessage: (msg) => docSession && docSession.handle(msg),
  onState: showConnState,
  onUnauthorized: () => expire(),
});

function showConnState(state, delay) {
  const el = $('#conn-state');
  el.dataset.state = state;
  el.textContent = CONN_TEXT[state] || state;
  el.title = state === 'reconnecting' && delay ? `${Math.round(delay / 1000)} 秒后重试` : '';
}

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
  document.body.dataset.view = name;
  const s = session();
  $('#user-box').hidden = name === 'login';
  $('#user-name').textContent = s && s.user ? s.user.name || '' : '';
  for (const el of document.querySelectorAll('.doc-only')) el.hidden = name !== 'doc';
}

function leaveDocument() {
  if (docSession) docSession.close();
  document.title = 'Yusuan 预算协同编制';
}

/**
 * One session for the life of the tab: its grid and panels bind listeners to the page,
 * and a second instance after a re-login would leave the first one's listeners reacting too.
 */
function documentSession() {
  const s = session();
  if (!docSession) {
    docSession = new DocumentSession({
      sheets: $('#sheets'),
      nav: $('#section-nav'),
      title: $('#doc-title'),
      presence: $('#presence'),
      note: $('#readonly-note'),
      unitToggle: $('#unit-toggle'),
      checks: $('#checks'),
      checkCount: $('#check-count'),
      review: $('#doc-review'),
      commentsPane: $('#comments-pane'),
      versionsPane: $('#versions-pane'),
      historyPane: $('#history-pane'),
      membersPane: $('#members-pane'),
      rail: $('#rail'),
      banner: $('#version-banner'),
      scroller: $('#doc-scroll'),
    }, conn, null);
  }
  docSession.me = s ? s.user : null;
  return docSession;
}

// ---- login -------------------------------------------------------------------

function showLogin(message) {
  leaveDocument();
  conn.shutdown();
  showView('login');
  $('#login-error').textContent = message || '';
  const user = $('#login-form [name="username"]');
  if (!user.value) user.focus();
}

/** The token is gone or rejected: drop it and ask for a new login, keeping the hash to return to. */
function expire() {
  importPanel.reset();
  clearSession();
  showLogin('登录已失效，请重新登录');
}

$('#login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const button = form.querySelector('button[type="submit"]');
  const username = form.username.value.trim();
  const password = form.password.value;
  if (!username || !password) {
    $('#login-error').textContent = '请输入用户名和密码';
    return;
  }
  button.disabled = true;
  $('#login-error').textContent = '';
  try {
    await login(username, password);
    form.password.value = '';
    route();
  } catch (err) {
    $('#login-error').textContent = err.message || '登录失败';
  } finally {
    button.disabled = false;
  }
});

$('#logout').addEventListener('click', () => {
  leaveDocument();
  conn.shutdown();
  importPanel.reset();
  clearSession();
  history.replaceState(null, '', location.pathname);
  showLogin();
});

// ---- list --------------------------------------------------------------------

let listLoad = 0;

const importPanel = new ImportPanel($('#import-host'), {
  // The new budget joins the list at once, marked, so it can be found without a reload.
  onImported: (doc) => loadList(doc ? doc.id : null),
  onUnauthorized: () => expire(),
  open: (id) => {
    location.hash = `#doc/${encodeURIComponent(id)}`;
  },
});

function showList() {
  leaveDocument();
  showView('list');
  const s = session();
  importPanel.sync(s ? s.user : null);
  loadList(null);
}

/** Fills #doc-list; highlight: the id of a budget just imported, to mark its row. */
async function loadList(highlight) {
  const box = $('#doc-list');
  // A refresh after an import keeps the old table until the new one is there, so nothing jumps.
  if (highlight === null || !box.querySelector('table')) box.innerHTML = '<p class="loading">正在加载…</p>';
  const mine = ++listLoad; // a slow response must not overwrite a newer view
  let docs;
  try {
    docs = await listDocuments();
  } catch (err) {
    if (mine !== listLoad) return;
    if (err instanceof ApiError && err.status === 401) {
      expire();
      return;
    }
    box.innerHTML = `<p class="open-failed">无法加载预算列表：${esc(err.message)}</p>`;
    return;
  }
  if (mine !== listLoad) return;
  if (!Array.isArray(docs) || !docs.length) {
    box.innerHTML = '<p class="empty">暂无可访问的预算。</p>';
    return;
  }
  const rows = docs.map((d) => `<tr${String(d.id) === String(highlight) ? ' class="just-imported"' : ''}>
      <td><a href="#doc/${encodeURIComponent(d.id)}" data-doc-id="${esc(d.id)}">${esc(d.title)}</a></td>
      <td>${esc(d.unit)}</td><td>${esc(d.year)}</td><td>${esc(d.template)}</td>
      <td class="num">${esc(d.version ?? '')}</td><td>${esc(d.role ? roleName(d.role) : '')}</td></tr>`);
  box.innerHTML = `<table class="doc-table"><thead><tr><th>预算名称</th><th>单位</th><th>年度</th>
    <th>模板</th><th>版本</th><th>我的角色</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

// ---- document ------------------------------------------------------------------

function showDoc(rawId) {
  const id = /^\d+$/.test(rawId) ? Number(rawId) : rawId;
  const ds = documentSession();
  if (String(ds.docId) === String(id)) {
    showView('doc');
    return;
  }
  leaveDocument();
  showView('doc');
  ds.open(id);
}

$('#unit-toggle').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-unit]');
  if (button && docSession) docSession.setUnit(button.dataset.unit);
});

window.addEventListener('beforeunload', (e) => {
  // Closing the tab while an edit is unconfirmed would silently lose it; so would a half-sent import.
  if ((docSession && docSession.hasUnsaved) || importPanel.busy) {
    e.preventDefault();
    e.returnValue = '';
  }
});

// ---- routing -------------------------------------------------------------------

function route() {
  if (!session()) {
    showLogin();
    return;
  }
  const match = /^#doc\/(.+)$/.exec(location.hash);
  if (match) showDoc(decodeURIComponent(match[1]));
  else showList();
}

window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (e) => {
  toast(`出错了：${(e.reason && e.reason.message) || e.reason}`, 'error');
});
showConnState('closed');
route();
