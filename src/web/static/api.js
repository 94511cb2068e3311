// Talks to the claimtrail JSON API. Every error body is {error:{code,message}}; callers show the message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message)
    this.status = status
    this.code = code
  }
}

async function handle(response) {
  let body = null
  try {
    body = await response.json()
  } catch {
    throw new ApiError(response.status, 'bad-response', `the server answered ${response.status} without JSON`)
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: 'error', message: `HTTP ${response.status}` }
    throw new ApiError(response.status, error.code, error.message)
  }
  return body
}

/** GET /api/<path> with query parameters; empty values are left out. */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value))
  }
  const qs = query.toString()
  return handle(await fetch(`/api/${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } }))
}

/** POST /api/<path> with a JSON body. */
export async function postJson(path, body) {
  return handle(
    await fetch(`/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  )
}
