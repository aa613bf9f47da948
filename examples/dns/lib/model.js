'use strict';
const { HttpError, isObject } = require('@mimic/core');

/**
 * @typedef {{ id: string, name: string, type: string, data: string, ttl: number, priority?: number, created: string, updated: string }} DnsRecord
 * @typedef {{ id: number, name: string, accountId: number, emailAddress: string, ttl: number, comment?: string, created: string, updated: string, records: Map<string, DnsRecord> }} Domain
 * @typedef {{ jobId: string, status: 'COMPLETED', verb: string, requestUrl: string, callbackUrl: string, response?: unknown }} Job
 */

const RECORD_TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV']);
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const MIN_TTL = 300;
const MAX_ITEMS = 100;
/** Finished jobs kept per tenant for GET /status; older ones are forgotten (they grow with traffic). */
const MAX_JOBS = 500;

/** Cloud DNS's error body: `{"code", "message", "details"}`. */
function dnsError(status, message, details) {
  return new HttpError(status, message, { body: { code: status, message, details } });
}

/** Cloud DNS's validation failure: 400 with every problem listed. */
function validationError(messages) {
  return new HttpError(400, 'Validation failed.', { body: { validationErrors: { messages }, code: 400, message: 'Validation failed.' } });
}

function optionalTtl(value, where, problems) {
  if (value === undefined) return MIN_TTL;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_TTL || value > 2147483647) {
    problems.push(`${where}.ttl must be an integer of at least ${MIN_TTL} seconds`);
    return MIN_TTL;
  }
  return value;
}

/**
 * Checks one record of a request against the domain it goes into.
 * @returns {{name: string, type: string, data: string, ttl: number, priority?: number} | undefined}
 */
function parseRecord(raw, domainName, where, problems) {
  if (!isObject(raw)) {
    problems.push(`${where} must be an object with name, type and data`);
    return undefined;
  }
  const before = problems.length;
  const name = typeof raw.name === 'string' ? raw.name.toLowerCase() : undefined;
  if (name === undefined || !(name === domainName || name.endsWith(`.${domainName}`))) {
    problems.push(`${where}.name must be ${domainName} or a name under it`);
  }
  const type = typeof raw.type === 'string' ? raw.type.toUpperCase() : undefined;
  if (type === undefined || !RECORD_TYPES.has(type)) problems.push(`${where}.type must be one of ${[...RECORD_TYPES].join(', ')}`);
  if (typeof raw.data !== 'string' || raw.data.trim() === '') problems.push(`${where}.data must be a non-empty string`);
  const ttl = optionalTtl(raw.ttl, where, problems);
  let priority;
  if (type === 'MX' || type === 'SRV') {
    if (typeof raw.priority !== 'number' || !Number.isInteger(raw.priority) || raw.priority < 0 || raw.priority > 65535) {
      problems.push(`${where}.priority must be an integer from 0 to 65535 for ${type} records`);
    } else priority = raw.priority;
  }
  if (problems.length > before) return undefined;
  return { name, type, data: raw.data, ttl, ...(priority === undefined ? {} : { priority }) };
}

/** Reads `{"<key>": [ ... ]}` with 1..100 items. */
function listOf(body, key, problems) {
  if (!isObject(body) || !Array.isArray(body[key]) || body[key].length === 0) {
    problems.push(`the body must be {"${key}": [ ... ]} with at least one item`);
    return [];
  }
  if (body[key].length > MAX_ITEMS) {
    problems.push(`at most ${MAX_ITEMS} ${key} per request`);
    return [];
  }
  return body[key];
}

/** One tenant's DNS: domains by id and by name, and the recent job results. */
class DnsAccount {
  /**
   * @param {string} tenantId
   * @param {{ domain: number, record: number }} counters shared id counters of this Mimic instance
   */
  constructor(tenantId, counters) {
    this.accountId = /^\d+$/.test(tenantId) ? Number(tenantId) : tenantId;
    this.counters = counters;
    /** @type {Map<number, Domain>} */
    this.domains = new Map();
    /** @type {Map<string, number>} */
    this.domainIdsByName = new Map();
    /** @type {Map<string, Job>} */
    this.jobs = new Map();
  }

  /** Validates a whole create-domains request, then creates every domain (all or nothing). */
  createDomains(body, now) {
    const problems = [];
    const parsed = listOf(body, 'domains', problems).map((raw, i) => {
      const where = `domains[${i}]`;
      if (!isObject(raw)) {
        problems.push(`${where} must be an object with name and emailAddress`);
        return undefined;
      }
      const name = typeof raw.name === 'string' ? raw.name.toLowerCase().replace(/\.$/, '') : '';
      if (!HOSTNAME.test(name)) problems.push(`${where}.name must be a domain name such as example.com`);
      if (typeof raw.emailAddress !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(raw.emailAddress)) {
        problems.push(`${where}.emailAddress must be an email address`);
      }
      if (raw.comment !== undefined && typeof raw.comment !== 'string') problems.push(`${where}.comment must be a string`);
      const ttl = optionalTtl(raw.ttl, where, problems);
      let records = [];
      if (raw.recordsList !== undefined) {
        records = listOf(raw.recordsList, 'records', problems).map((r, j) => parseRecord(r, name, `${where}.recordsList.records[${j}]`, problems));
      }
      return { name, emailAddress: raw.emailAddress, comment: raw.comment, ttl, records };
    });
    if (problems.length > 0) throw validationError(problems);
    const names = new Set();
    for (const domain of parsed) {
      if (this.domainIdsByName.has(domain.name) || names.has(domain.name)) {
        throw dnsError(409, 'Conflict', `Domain already exists: ${domain.name}`);
      }
      names.add(domain.name);
    }
    return parsed.map((d) => {
      const id = ++this.counters.domain;
      /** @type {Domain} */
      const domain = {
        id,
        name: d.name,
        accountId: this.accountId,
        emailAddress: d.emailAddress,
        ttl: d.ttl,
        ...(d.comment === undefined ? {} : { comment: d.comment }),
        created: now,
        updated: now,
        records: new Map(),
      };
      for (const record of d.records) this.storeRecord(domain, record, now);
      this.domains.set(id, domain);
      this.domainIdsByName.set(domain.name, id);
      return domain;
    });
  }

  /** @returns {Domain} */
  domain(idText) {
    const domain = /^\d{1,15}$/.test(idText) ? this.domains.get(Number(idText)) : undefined;
    if (!domain) throw dnsError(404, 'Object not Found.', `Domain ID: ${idText} not found`);
    return domain;
  }

  domainByName(name) {
    const id = this.domainIdsByName.get(name.toLowerCase());
    return id === undefined ? undefined : this.domains.get(id);
  }

  deleteDomain(idText) {
    const domain = this.domain(idText);
    this.domains.delete(domain.id);
    this.domainIdsByName.delete(domain.name);
  }

  addRecords(domain, body, now) {
    const problems = [];
    const parsed = listOf(body, 'records', problems).map((r, i) => parseRecord(r, domain.name, `records[${i}]`, problems));
    if (problems.length > 0) throw validationError(problems);
    domain.updated = now;
    return parsed.map((record) => this.storeRecord(domain, record, now));
  }

  /** @returns {DnsRecord} */
  record(domain, recordId) {
    const record = domain.records.get(recordId);
    if (!record) throw dnsError(404, 'Object not Found.', `Record ID: ${recordId} not found`);
    return record;
  }

  deleteRecord(domain, recordId, now) {
    this.record(domain, recordId);
    domain.records.delete(recordId);
    domain.updated = now;
  }

  storeRecord(domain, record, now) {
    const stored = { id: `${record.type}-${++this.counters.record}`, ...record, created: now, updated: now };
    domain.records.set(stored.id, stored);
    return stored;
  }

  /** Remembers a finished job for GET /status/<jobId>, dropping the oldest past MAX_JOBS. */
  recordJob(job) {
    this.jobs.set(job.jobId, job);
    if (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value);
    return job;
  }

  job(jobId) {
    const job = this.jobs.get(jobId);
    if (!job) throw dnsError(404, 'Object not Found.', `Job ID: ${jobId} not found`);
    return job;
  }
}

module.exports = { DnsAccount, dnsError, MAX_ITEMS };
