/**
 * How the commands open the store: a migration that upgrades an existing store says so on stderr,
 * since one that backfills a large corpus (claims, entity dates) takes minutes with nothing else to see.
 */
import type { OpenStoreOptions } from '../store/open-store.js'

export const CLI_STORE_OPTIONS: OpenStoreOptions = {
  onMigration: ({ version, name }) =>
    process.stderr.write(
      `claimtrail: upgrading the store: migration ${String(version).padStart(3, '0')}-${name} (on a large store this takes minutes)…\n`,
    ),
}
