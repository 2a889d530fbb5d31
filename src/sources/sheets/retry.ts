/** How often and how patiently a Sheets API call is retried on 429 and 5xx answers. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the first retry; each further retry doubles it (with jitter), up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 32_000 };

export interface RetryNotice {
  status: number | string;
  attempt: number;
  attempts: number;
  delayMs: number;
}

/** Thrown when the last attempt failed; carries how many were made. */
export class RetriesExhausted extends Error {
  constructor(override readonly cause: unknown, readonly attempts: number) {
    super(`gave up after ${attempts} attempts`);
  }
}

/**
 * Runs `call` until it succeeds, retrying when `retryable(error)` gives a status (a rate limit or
 * a server error), with exponential backoff and jitter as Google asks of API clients. A server's
 * `Retry-After` wins over the computed delay.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  retryable: (error: unknown) => { status: number | string; retryAfterMs?: number } | undefined,
  onRetry: (notice: RetryNotice) => void = () => {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const verdict = retryable(error);
      if (!verdict) throw error;
      if (attempt >= policy.attempts) throw new RetriesExhausted(error, attempt);
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delayMs = verdict.retryAfterMs !== undefined ? Math.min(verdict.retryAfterMs, policy.maxDelayMs) : Math.round(backoff * (0.5 + Math.random() * 0.5));
      onRetry({ status: verdict.status, attempt, attempts: policy.attempts, delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
