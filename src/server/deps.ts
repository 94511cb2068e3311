/**
 * What the routes share: the corpus store (optional: the reader works without one) and the limits the
 * server was started with. Passed to each route factory, so tests build an app with their own store.
 */
import type { Store } from '../store/types.js'
import { ApiError } from './errors.js'

export interface ServerDeps {
  /** The corpus store, or null when the server runs without a database (analysis only). */
  store: Store | null
  /** Largest request body in bytes; larger bodies get 413 before they are read. */
  maxBodyBytes: number
  /** Whether `POST /api/analyze` may fetch a `url`: off for servers reachable by untrusted users. */
  fetchUrls: boolean
  /** Where 5xx errors are logged. */
  log: (line: string) => void
}

/**
 * The store, or a 503 saying how to start the server with one.
 *
 * @example const store = requireStore(deps)
 */
export function requireStore(deps: ServerDeps): Store {
  if (!deps.store) {
    throw new ApiError(
      503,
      'no-store',
      'this server has no corpus database; start it with `claimtrail serve --db FILE`',
    )
  }
  return deps.store
}
