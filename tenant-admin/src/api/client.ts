import createClient, { type Middleware } from 'openapi-fetch';
import type { paths, components } from './schema';
import { accessToken, login } from '../auth';

export type Schemas = components['schemas'];

/** One invalid field of a problem document. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem the server answered with, or a network failure in the same shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(detail || title);
  }

  /**
   * The message for one field, if the server named it: by its name, or by a path ending in it
   * (a channel's settings come back as settings.<field> or secrets.<field>).
   */
  field(name: string): string | undefined {
    return (this.errors.find((e) => e.field === name) ?? this.errors.find((e) => fieldMatches(e.field, name)))?.message;
  }
}

export function fieldMatches(errorField: string, name: string): boolean {
  return errorField === name || errorField.endsWith(`.${name}`);
}

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    return request;
  },
};

export const client = createClient<paths>({ baseUrl: '' });
client.use(auth);

export async function toApiError(response: Response, body?: unknown): Promise<ApiError> {
  if (response.status === 401) {
    // The session ended (expired refresh token, logout elsewhere): log in again, come back here.
    void login();
  }
  const problem = (body ?? {}) as Partial<{ title: string; detail: string; errors: FieldError[] }>;
  return new ApiError(
    response.status,
    problem.title ?? response.statusText,
    problem.detail ?? `HTTP ${response.status}`,
    problem.errors ?? [],
  );
}

/**
 * Unwraps an openapi-fetch call: the data, or an ApiError carrying the server's problem. A
 * network failure becomes an ApiError with status 0, so every caller shows a message.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result;
  try {
    result = await request;
  } catch (e) {
    throw new ApiError(0, 'Network error', String(e), []);
  }
  if (!result.response.ok) {
    throw await toApiError(result.response, result.error);
  }
  return result.data as T;
}

/** A raw request for what openapi-fetch does not cover (plain text bodies and downloads). */
export async function raw(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await accessToken();
  const headers = new Headers(init.headers);
  if (token) {
    headers.set('Authorization', `Bearer ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (e) {
    throw new ApiError(0, 'Network error', String(e), []);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw await toApiError(response, body);
  }
  return response;
}
