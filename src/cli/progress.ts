/**
 * A progress bar on stderr, only when stderr is a terminal (pipes and CI logs stay clean).
 */
import cliProgress from 'cli-progress'

export interface Progress {
  tick(n?: number): void
  stop(): void
}

const SILENT: Progress = { tick: () => {}, stop: () => {} }

/**
 * Starts a bar with rate and ETA for `total` items (unknown total: a counter).
 *
 * @example const bar = startProgress(2225, 'analyze'); bar.tick(); bar.stop()
 */
export function startProgress(total: number | null, label: string, stream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        total === null
          ? `${label} {value} done | {rate}/s`
          : `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = process.hrtime.bigint()
  let done = 0
  bar.start(total ?? 0, 0, { rate: '0' })
  return {
    tick(n = 1) {
      done += n
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '0' })
    },
    stop() {
      bar.stop()
    },
  }
}
