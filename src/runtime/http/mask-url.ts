/**
 * A URL as it may be printed: user name and password masked (`https://***:***@host/...`), and the
 * path of a secret-bearing URL (a Slack webhook's path is its secret) shortened when `hidePath`.
 */
export function maskUrl(text: string, hidePath = false): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '(a URL that does not parse)';
  }
  if (url.username) url.username = '***';
  if (url.password) url.password = '***';
  if (hidePath) return `${url.protocol}//${url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : ''}${url.host}/***`;
  url.search = url.search ? '?***' : '';
  return url.href;
}
