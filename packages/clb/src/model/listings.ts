/** `GET /loadbalancers/protocols` and `/algorithms`: real CLB's lists (beyond the original). */
export const PROTOCOLS: readonly { name: string; port: number }[] = Object.freeze([
  { name: 'DNS_TCP', port: 53 },
  { name: 'DNS_UDP', port: 53 },
  { name: 'FTP', port: 21 },
  { name: 'HTTP', port: 80 },
  { name: 'HTTPS', port: 443 },
  { name: 'IMAPS', port: 993 },
  { name: 'IMAPv2', port: 143 },
  { name: 'IMAPv3', port: 220 },
  { name: 'IMAPv4', port: 143 },
  { name: 'LDAP', port: 389 },
  { name: 'LDAPS', port: 636 },
  { name: 'MYSQL', port: 3306 },
  { name: 'POP3', port: 110 },
  { name: 'POP3S', port: 995 },
  { name: 'SFTP', port: 22 },
  { name: 'SMTP', port: 25 },
  { name: 'SQLSERVER', port: 1433 },
  { name: 'TCP', port: 0 },
  { name: 'TCP_CLIENT_FIRST', port: 0 },
  { name: 'UDP', port: 0 },
  { name: 'UDP_STREAM', port: 0 },
].map((p) => Object.freeze(p)));

export const ALGORITHMS: readonly string[] = Object.freeze([
  'LEAST_CONNECTIONS',
  'RANDOM',
  'ROUND_ROBIN',
  'WEIGHTED_LEAST_CONNECTIONS',
  'WEIGHTED_ROUND_ROBIN',
]);

export const isProtocol = (name: string): boolean => PROTOCOLS.some((p) => p.name === name);
export const isAlgorithm = (name: string): boolean => ALGORITHMS.includes(name);

/** `GET /loadbalancers/<id>/stats`: a load balancer nobody sends traffic to. */
export function zeroStats(): Record<string, number> {
  return {
    connectTimeOut: 0,
    connectError: 0,
    connectFailure: 0,
    dataTimedOut: 0,
    keepAliveTimedOut: 0,
    maxConn: 0,
    currentConn: 0,
    connectTimeOutSsl: 0,
    connectErrorSsl: 0,
    connectFailureSsl: 0,
    dataTimedOutSsl: 0,
    keepAliveTimedOutSsl: 0,
    maxConnSsl: 0,
    currentConnSsl: 0,
  };
}
