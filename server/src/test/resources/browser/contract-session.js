// Test fixture, evaluated in the signed-in page on the list view: opens a DocumentSession of the
// page's own modules on a document the shipped templates cannot make yet (a 说明 section whose
// only column is text, and a free-row list), following the `document` object of docs/protocol.md.
// The socket is a stand-in that records what the page sends, so the test can assert the frames
// and answer them as the server would. Leaves window.contract = {session, sent, answer(frame)}.
(async () => {
  const { DocumentSession } = await import('/doc.js');
  const $ = (s) => document.querySelector(s);
  const sent = [];
  const conn = { isOpen: true, ensure() {}, send(m) { sent.push(m); return true; } };
  const els = {
    sheets: $('#sheets'), nav: $('#section-nav'), title: $('#doc-title'), presence: $('#presence'),
    note: $('#readonly-note'), unitToggle: $('#unit-toggle'), checks: $('#checks'), checkCount: $('#check-count'),
    review: $('#doc-review'), commentsPane: $('#comments-pane'), versionsPane: $('#versions-pane'),
    historyPane: $('#history-pane'), membersPane: $('#members-pane'), rail: $('#rail'),
    banner: $('#version-banner'), scroller: $('#doc-scroll'),
  };
  for (const id of ['login-view', 'list-view']) document.getElementById(id).hidden = true;
  $('#doc-view').hidden = false;
  document.body.dataset.view = 'doc';
  const me = JSON.parse(sessionStorage.getItem('yusuan.user'));
  const session = new DocumentSession(els, conn, me);
  const draft = (s) => ({ status: 'draft', label: '草稿', by: null, at: null, comment: null, reopened: false });
  const text = (t, rev = 1) => ({ text: t, rev, editable: true, by: { id: 9, name: '编辑二' } });
  const amount = (v, rev = 1) => ({ value: v, rev, editable: true, by: { id: 9, name: '编辑二' } });
  const sum = (v) => ({ value: v, rev: 0, editable: false });
  const document_ = {
    id: 901, title: '协议样例：说明与项目支出', unit: '样例局', year: 2024, template: 'contract-sample',
    templateTitle: '样例', version: 5, role: 'editor', readOnly: false, displayUnit: '万元',
    sections: [
      { key: 'projects', number: 9, title: '项目支出表', kind: 'list', codeSystem: null, rowHeader: ['项目名称'],
        mandatory: true, empty: null, labelColumn: 'name',
        columns: [
          { key: 'name', title: '项目名称', header: [], kind: 'text', computed: false, maxLength: 100 },
          { key: 'amount', title: '金额', header: [], kind: 'amount', computed: false },
          { key: 'goal', title: '绩效目标', header: [], kind: 'text', computed: false, maxLength: 500 },
        ],
        rowKinds: [
          { key: 'project', title: '项目', columns: [], parents: [] },
          { key: 'item', title: '明细', columns: ['name', 'amount'], parents: ['project'] },
        ],
        rows: [
          { key: 'total', code: null, label: '合计', level: 0, group: null, total: true, cells: { amount: sum('300000.00') } },
          { key: 'r1', code: null, label: '', level: 1, group: null, total: false, kind: 'project', parent: null,
            cells: { name: text('医保信息化建设'), amount: sum('300000.00'), goal: text('完成医保信息平台升级，结算时间缩短一半') } },
          { key: 'r2', code: null, label: '', level: 2, group: null, total: false, kind: 'item', parent: 'r1',
            cells: { name: text('服务器采购'), amount: amount('300000.00') } },
          { key: 'r3', code: null, label: '', level: 1, group: null, total: false, kind: 'project', parent: null,
            cells: { name: text('待定项目'), amount: sum(null), goal: text('', 0) } },
        ] },
      { key: 'notes', number: 10, title: '部门预算说明', kind: 'fixed', codeSystem: null, rowHeader: [], mandatory: true,
        empty: null,
        columns: [{ key: 'text', title: '内容', header: [], kind: 'text', computed: false, maxLength: 5000 }],
        rows: [
          { key: 'duty', code: null, label: '一、部门职责', level: 0, group: null, total: false,
            cells: { text: text('负责贯彻执行医疗保障法律法规，组织制定全市医疗保障政策。') } },
          { key: 'overview', code: null, label: '二、收支预算总体情况', level: 0, group: null, total: false,
            cells: { text: text('', 0) } },
        ] },
    ],
    checks: [],
    workflow: { sections: { projects: draft(), notes: draft() }, versions: [] },
    comments: [],
  };
  session.open(901);
  session.handle({ type: 'snapshot', requestId: sent[0].requestId, doc: 901, version: 5, document: document_ });
  let version = 5;
  window.contract = {
    session,
    sent,
    /** Answers a recorded frame as the server would: ack, then applied with the given parts. */
    answer(frame, parts) {
      version += 1;
      session.handle({ type: 'ack', requestId: frame.requestId, doc: 901, version, clientOpId: frame.clientOpId });
      session.handle({ type: 'applied', doc: 901, version, by: { id: me.id, name: me.name }, clientOpId: frame.clientOpId,
        at: new Date().toISOString(), changes: [], calc: [], checks: [], ...parts });
    },
    last(type) {
      return [...sent].reverse().find((m) => m.type === type) || null;
    },
  };
  return true;
})()
