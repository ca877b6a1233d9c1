// HTTP side of the protocol plus the login session.
// sessionStorage (not localStorage) so two tabs can be signed in as two different users.

const TOKEN_KEY = 'yusuan.token';
const USER_KEY = 'yusuan.user';

export function session() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  let user = null;
  try {
    user = JSON.parse(sessionStorage.getItem(USER_KEY) || 'null');
  } catch {
    user = null;
  }
  return { token, user: user || { id: null, name: '', roles: [] } };
}

export function clearSession() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

/** Error carrying the server's code so callers can tell an expired login from other failures. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  const current = session();
  if (current) headers.Authorization = `Bearer ${current.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', '无法连接服务器，请检查网络后重试');
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const code = (data && data.code) || (response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_' + response.status);
    const message = (data && data.message) || `服务器错误（${response.status}）`;
    throw new ApiError(response.status, code, message);
  }
  return data;
}

export async function login(username, password) {
  const data = await request('POST', '/api/login', { username, password });
  sessionStorage.setItem(TOKEN_KEY, data.token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(data.user || null));
  return data;
}

/** Any JSON call of the API (GET when body is undefined); rejects with ApiError. */
export function api(method, path, body) {
  return request(method, path, body);
}

/** The document's own API path: /api/documents/7/versions … */
export function docPath(id, rest = '') {
  return `/api/documents/${encodeURIComponent(id)}${rest}`;
}

/**
 * A file the API serves behind the bearer token (an export). fetch, not a plain link: a link cannot
 * carry the Authorization header, and a token in the URL would end up in logs and browser history.
 * Resolves to {blob, name} (name from Content-Disposition when the server gives one).
 */
export async function fetchFile(path) {
  const headers = {};
  const current = session();
  if (current) headers.Authorization = `Bearer ${current.token}`;
  let response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    throw new ApiError(response.status, (data && data.code) || `HTTP_${response.status}`,
      (data && data.message) || `服务器错误（${response.status}）`);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  let name = null;
  try {
    name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : null;
  } catch {
    name = plain ? plain[1] : null;
  }
  return { blob: await response.blob(), name };
}

export function listDocuments() {
  return request('GET', '/api/documents');
}

export function listTemplates() {
  return request('GET', '/api/templates');
}

export function getDocument(id) {
  return request('GET', `/api/documents/${encodeURIComponent(id)}`);
}

/**
 * POST /api/import with the file as multipart field `file`. XMLHttpRequest, not fetch: fetch
 * reports no upload progress, and a 12 MB file on a slow office line takes long enough to need it.
 * hooks: onProgress(loaded, total) while sending, onSent() once the last byte left (the server is
 * now reading the tables). Returns {done: Promise, abort()}; done resolves to {status, data}
 * for any HTTP answer and rejects with ApiError only when no answer came (network, abort).
 */
export function uploadImport(file, hooks = {}) {
  const xhr = new XMLHttpRequest();
  const done = new Promise((resolve, reject) => {
    // async: the server answers at once with a job whose progress the page shows (tables read so far).
    xhr.open('POST', '/api/import?async=true');
    const current = session();
    if (current) xhr.setRequestHeader('Authorization', `Bearer ${current.token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    // Upload listeners must exist before send(), or the browser never reports upload events.
    xhr.upload.onprogress = (e) => {
      if (hooks.onProgress) hooks.onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    };
    xhr.upload.onload = () => hooks.onSent && hooks.onSent();
    xhr.onload = () => {
      let data = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null; // a proxy's HTML error page, say: the status alone must then do
      }
      resolve({ status: xhr.status, data });
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接中断'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
