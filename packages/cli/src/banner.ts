export interface BannerInput {
  version: string;
  /** The address Mimic listens on, e.g. 0.0.0.0. */
  host: string;
  port: number;
  plugins: readonly string[];
  /** Whether `POST /identity/v2.0/tokens` exists (identity or a replacement is loaded). */
  hasIdentity: boolean;
}

export interface Banner {
  url: string;
  authEndpoint?: string;
  curl: string;
  lines: string[];
}

/** A wildcard address is not something to paste into curl; use loopback for the printed URLs. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

const SAMPLE_AUTH = '{"auth":{"passwordCredentials":{"username":"demo","password":"demo"}}}';

/** What the CLI prints once it listens: the URL, the auth endpoint and a ready-to-paste curl command. */
export function startBanner(input: BannerInput): Banner {
  const url = `http://${reachableHost(input.host)}:${input.port}/`;
  const authEndpoint = input.hasIdentity ? `${url}identity/v2.0/tokens` : undefined;
  const curl = authEndpoint
    ? `curl -s ${authEndpoint} -H 'Content-Type: application/json' -d '${SAMPLE_AUTH}'`
    : `curl -s ${url}mimic/v1.0/health`;
  const lines = [
    `Mimic ${input.version} listening on ${url}${reachableHost(input.host) === input.host ? '' : ` (bound to ${input.host})`}`,
    `Plugins: ${input.plugins.length > 0 ? input.plugins.join(', ') : 'none'}`,
    authEndpoint ? `Auth endpoint: ${authEndpoint}` : 'Auth endpoint: none (the identity plugin is not loaded)',
    `Try: ${curl}`,
  ];
  return { url, ...(authEndpoint ? { authEndpoint } : {}), curl, lines };
}
