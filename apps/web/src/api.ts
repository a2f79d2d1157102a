// The one HTTP client of the web app. The access token lives in memory only; the refresh token (the API takes it
// in the request body) is kept in localStorage so a reload or a link opened in a new tab keeps the session.
// Renewal is serialised across tabs with the Web Locks API: the API rotates refresh tokens and revokes a session
// whose old token comes back, so two tabs must never refresh with the same token.

const REFRESH_KEY = 'cchc.refreshToken';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

let accessToken: string | null = null;
let accessExpiresAt = 0;
let renewal: Promise<boolean> | null = null;
const sessionListeners = new Set<(reason: 'expired' | 'logout') => void>();

export function onSessionEnded(fn: (reason: 'expired' | 'logout') => void): () => void {
  sessionListeners.add(fn);
  return () => sessionListeners.delete(fn);
}

export function hasStoredSession(): boolean {
  return !!localStorage.getItem(REFRESH_KEY);
}

function store(t: TokenPair) {
  accessToken = t.accessToken;
  // Renew a minute early.
  accessExpiresAt = Date.now() + Math.max(10, t.expiresIn - 60) * 1000;
  localStorage.setItem(REFRESH_KEY, t.refreshToken);
}

function clear() {
  accessToken = null;
  accessExpiresAt = 0;
  localStorage.removeItem(REFRESH_KEY);
}

async function parseError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = await res.json();
  } catch {
    // not JSON
  }
  const fallback = res.status >= 500 ? 'Hệ thống đang gặp sự cố, vui lòng thử lại sau' : 'Yêu cầu không thực hiện được';
  return new ApiError(res.status, body.code ?? `http.${res.status}`, body.message ?? fallback, body.details);
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request('cchc-refresh', fn) : fn();
}

/** Renews the access token with the stored refresh token; false when the session is over. */
export function renew(): Promise<boolean> {
  renewal ??= withLock(async () => {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    const res = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!res.ok) {
      if (res.status === 401 || res.status === 400) clear();
      return false;
    }
    store(await res.json());
    return true;
  }).finally(() => {
    renewal = null;
  });
  return renewal;
}

export async function login(email: string, password: string): Promise<void> {
  const res = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw await parseError(res);
  store(await res.json());
}

export async function logout(): Promise<void> {
  try {
    if (accessToken || (await renew())) await api('/auth/logout', { method: 'POST' });
  } catch {
    // the session ends locally anyway
  }
  clear();
  sessionListeners.forEach((l) => l('logout'));
}

/** JSON request with the access token; renews it once on expiry; a lost session notifies the listeners. */
export async function api<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  if (!accessToken || Date.now() > accessExpiresAt) {
    if (!(await renew())) {
      sessionListeners.forEach((l) => l('expired'));
      throw new ApiError(401, 'auth.session_expired', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại');
    }
  }
  const send = () =>
    fetch(path, {
      method: init.method ?? 'GET',
      signal: init.signal,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${accessToken}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  let res = await send();
  if (res.status === 401 && (await renew())) res = await send();
  if (res.status === 401) {
    clear();
    sessionListeners.forEach((l) => l('expired'));
    throw new ApiError(401, 'auth.session_expired', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại');
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  return res.json() as Promise<T>;
}

/** Downloads a file the API builds (export, document) with the access token; the browser saves it as `fileName`. */
export async function download(path: string, fileName: string): Promise<void> {
  if (!accessToken || Date.now() > accessExpiresAt) await renew();
  const res = await fetch(path, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!res.ok) throw await parseError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A multipart upload (a file) with the access token; JSON answer. */
export async function apiUpload<T = unknown>(path: string, form: FormData): Promise<T> {
  if (!accessToken || Date.now() > accessExpiresAt) await renew();
  const send = () =>
    fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` },
      body: form,
    });
  let res = await send();
  if (res.status === 401 && (await renew())) res = await send();
  if (!res.ok) throw await parseError(res);
  return res.json() as Promise<T>;
}
