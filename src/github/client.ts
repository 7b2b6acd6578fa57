import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import { NOTIFICATION_SPACING_MS, WRITE_SPACING_MS } from './limits.js';

// The one Octokit factory: retries (5xx) and throttling (rate limits) are configured here once.

const GitHubClient = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof GitHubClient>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string;
  /**
   * Multiplies every wait the client makes (write spacing, retry and retry-after delays).
   * 1 in production; the end-to-end tests set TWO_KEY_API_TIME_SCALE=0.001 against a fake
   * server so that a `retry-after: 1` costs a millisecond, not a second.
   */
  timeScale?: number;
  userAgent?: string;
  log?: (message: string) => void;
}

const MAX_LIMIT_RETRIES = 2;

export function createClient(options: ClientOptions): GitHub {
  const scale = options.timeScale ?? 1;
  const log = options.log ?? (() => undefined);
  return new GitHubClient({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'two-key',
    log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    retry: { retryAfterBaseValue: 1000 * scale },
    throttle: {
      retryAfterBaseValue: 1000 * scale,
      // Own groups so the spacing scales with timeScale; the plugin's defaults are fixed.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: WRITE_SPACING_MS * scale }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: NOTIFICATION_SPACING_MS * scale }),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log(`GitHub rate limit hit on ${request.method} ${request.url}; retry ${retryCount + 1} in ${retryAfter}s`);
        return retryCount < MAX_LIMIT_RETRIES && retryAfter <= 120;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log(`GitHub secondary rate limit hit on ${request.method} ${request.url}; retry ${retryCount + 1} in ${retryAfter}s`);
        return retryCount < MAX_LIMIT_RETRIES;
      },
    },
  });
}
