import { BlockList, isIP } from 'node:net';
import type { GraphAlert, GraphEvidence, Severity } from '../model/alert.js';
import type { TitlePattern } from '../routes/routes.js';

/**
 * `suppress` rules at run time: which rule, if any, holds an alert back. Pure and small: the parser
 * (YAML, regular expressions) lives in suppress.ts and is loaded only when the input is set.
 */
export interface SuppressRule {
  name: string;
  reason: string;
  /** ms since the epoch; the rule holds until then (a snooze). Undefined: until it is removed. */
  until?: number;
  title?: TitlePattern;
  severities?: Severity[];
  serviceSources?: string[];
  /** Lower-cased. */
  detectionSources?: string[];
  /** Lower-cased. */
  categories?: string[];
  /** Lower-cased UPNs or account names. */
  users?: string[];
  /** Lower-cased DNS or host names. */
  devices?: string[];
  /** Exact addresses and CIDR ranges. */
  ips?: BlockList;
}

/** Titles are attacker-chosen: a rule's pattern only ever sees this many characters of one. */
const TITLE_MATCH_LENGTH = 300;

function evidenceOf(alert: GraphAlert, kind: string): GraphEvidence[] {
  const evidence = Array.isArray(alert.evidence) ? alert.evidence : [];
  return evidence.filter(item => typeof item?.['@odata.type'] === 'string' && item['@odata.type'].endsWith(`.${kind}`));
}

const lower = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

export function alertUsers(alert: GraphAlert): string[] {
  return evidenceOf(alert, 'userEvidence').flatMap(item => {
    const account = (item.userAccount ?? {}) as Record<string, unknown>;
    return [lower(account.userPrincipalName), lower(account.accountName)].filter(Boolean);
  });
}

export function alertDevices(alert: GraphAlert): string[] {
  return evidenceOf(alert, 'deviceEvidence').flatMap(item => {
    const dns = lower(item.deviceDnsName);
    // The host name is the DNS name's first label when Graph gives no hostName.
    return [dns, lower(item.hostName), dns.split('.')[0]].filter(Boolean);
  });
}

export function alertIps(alert: GraphAlert): string[] {
  return evidenceOf(alert, 'ipEvidence')
    .map(item => lower(item.ipAddress))
    .filter(ip => isIP(ip) !== 0);
}

function anyIn(values: string[], wanted: string[] | undefined): boolean {
  return wanted === undefined || values.some(value => wanted.includes(value));
}

/** Whether every matcher of the rule matches the alert (values within one matcher: any of them). */
export function ruleMatches(rule: SuppressRule, alert: GraphAlert): boolean {
  if (rule.severities && !rule.severities.includes(lower(alert.severity) as Severity)) return false;
  if (rule.serviceSources && !rule.serviceSources.includes(String(alert.serviceSource ?? ''))) return false;
  if (!anyIn([lower(alert.detectionSource)], rule.detectionSources)) return false;
  if (rule.categories) {
    const categories = [...(Array.isArray(alert.categories) ? alert.categories : []), alert.category].map(lower).filter(Boolean);
    if (!anyIn(categories, rule.categories)) return false;
  }
  if (rule.title && !rule.title.test(String(alert.title ?? '').slice(0, TITLE_MATCH_LENGTH))) return false;
  if (!anyIn(alertUsers(alert), rule.users)) return false;
  if (!anyIn(alertDevices(alert), rule.devices)) return false;
  if (rule.ips) {
    const ips = rule.ips;
    if (!alertIps(alert).some(ip => ips.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4'))) return false;
  }
  return true;
}

/** The first rule that holds at `now` and matches the alert. */
export function suppressedBy(rules: readonly SuppressRule[], alert: GraphAlert, now: number): SuppressRule | undefined {
  return rules.find(rule => (rule.until === undefined || rule.until > now) && ruleMatches(rule, alert));
}

/**
 * What the snapshot keeps of a held-back alert: enough to decide again, every run, whether a rule still
 * holds it (the evidence the entity matchers read), and to post it once none does.
 */
export function suppressionEvidence(alert: GraphAlert): GraphEvidence[] {
  return [
    ...evidenceOf(alert, 'userEvidence').map(item => {
      const account = (item.userAccount ?? {}) as Record<string, unknown>;
      return {
        '@odata.type': item['@odata.type'],
        userAccount: { userPrincipalName: account.userPrincipalName, accountName: account.accountName }
      };
    }),
    ...evidenceOf(alert, 'deviceEvidence').map(item => ({
      '@odata.type': item['@odata.type'],
      deviceDnsName: item.deviceDnsName,
      hostName: item.hostName
    })),
    ...evidenceOf(alert, 'ipEvidence').map(item => ({ '@odata.type': item['@odata.type'], ipAddress: item.ipAddress }))
  ].slice(0, 100) as GraphEvidence[];
}
