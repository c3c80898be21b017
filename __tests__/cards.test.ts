import { readFileSync } from 'node:fs';
import type { GraphAlert } from '../src/alert.js';
import type { Notice } from '../src/delta.js';
import { affectedEntities, cardBytes, MAX_CARD_BYTES, newAlertCard, planCards, workflowsEnvelope, followUpCard } from '../src/teams/cards.js';
import { neutralize, cleanText } from '../src/teams/text.js';

// Verbatim copies of Microsoft's documented samples (shared/fixtures/graph), kept with the tests.
const fixtures = new URL('./fixtures', import.meta.url).pathname;
const documented: GraphAlert = JSON.parse(readFileSync(`${fixtures}/alerts_v2-list-response.json`, 'utf8')).value[0];
const withUserIp: GraphAlert = JSON.parse(readFileSync(`${fixtures}/alerts_v2-from-incident-expand-user-ip-evidence.json`, 'utf8'));

/** Every string the card will show, wherever it sits. */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach(child => texts(child, out));
  else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) if (key !== 'url' && key !== '$schema') texts(value, out);
  return out;
}

/** All elements of a type, anywhere in the card. */
function elements(node: unknown, type: string, out: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach(child => elements(child, type, out));
  else if (node && typeof node === 'object') {
    if ((node as any).type === type) out.push(node);
    Object.values(node).forEach(child => elements(child, type, out));
  }
  return out;
}

test('a new-alert card from Microsoft\'s documented sample: version 1.4, severity, facts, entities, buttons', () => {
  const card = newAlertCard(documented);
  expect(card.version).toBe('1.4');
  const shown = texts(card.body).join('\n');
  expect(shown).toContain('LOW SEVERITY · New alert');
  expect(shown).toContain('Suspicious execution of hidden file');
  expect(shown).toContain('Microsoft Defender For Endpoint');
  expect(shown).toContain('T1564.001');
  expect(shown).toContain('2021-04-26 07:45 UTC');
  expect(card.actions!.map(a => a.title)).toEqual(['Open in Microsoft Defender', 'Open incident']);
  expect(card.actions![0].url).toBe(documented.alertWebUrl);
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  // The U+FFFD characters of the documented sample survive; nothing breaks on non-ASCII.
  expect(JSON.stringify(workflowsEnvelope(card))).toContain('"contentType":"application/vnd.microsoft.card.adaptive"');
});

test('affected entities come from evidence', () => {
  const rows = Object.fromEntries(affectedEntities(withUserIp));
  expect(Object.keys(rows)).toEqual(expect.arrayContaining(['Users', 'Devices', 'IP addresses']));
  const many: GraphAlert = { id: 'x', evidence: Array.from({ length: 8 }, (_, i) => ({ '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: `10.0.0.${i}` })) };
  expect(Object.fromEntries(affectedEntities(many))['IP addresses']).toMatch(/10\.0\.0\.4 \+3 more$/);
});

const hostile: GraphAlert = {
  id: 'evil-1',
  severity: 'high',
  status: 'new',
  title: 'Invoice [click here](https://evil.example.com/login) <at>Everyone</at> **URGENT** \u202Efdp.exe\u200B',
  description: 'From: ceo@contoso.com\n# Heading\n- item\n<a href="javascript:alert(1)">x</a> www.evil.top ![img](https://evil.example.com/p.png)',
  assignedTo: '<at>admin</at>',
  alertWebUrl: 'javascript:alert(1)',
  incidentWebUrl: 'http://evil.example.com/',
  evidence: [{ '@odata.type': '#microsoft.graph.security.fileEvidence', fileDetails: { fileName: '[x](https://evil.example.com).docm' } }]
};

test('hostile text never becomes a link, mention or markup', () => {
  for (const card of [newAlertCard(hostile), followUpCard({ kind: 'resolved', alert: { ...hostile, status: 'resolved' }, previousSignature: 'new|high||||' }), ...planCards([{ kind: 'new', alert: hostile }], 0).map(p => p.card)]) {
    // Alert text only ever sits in TextRuns (which render no markdown); TextBlocks hold our own labels.
    for (const block of elements(card, 'TextBlock')) expect(block.text).not.toMatch(/evil|<at>|\*\*URGENT/);
    const shown = texts(card).join('\n');
    expect(shown).not.toMatch(/https?:\/\//);
    expect(shown).not.toMatch(/<\/?at>/);
    expect(shown).not.toMatch(/[\u202E\u200B]/);
    expect(shown).not.toContain('evil.example.com');
    expect(shown).toContain('hxxps[:]//evil[.]example[.]com');
    // Buttons only for https URLs; javascript: and http: targets are dropped.
    const urls = [...elements(card, 'Action.OpenUrl')].map(a => a.url);
    expect(urls).toEqual([]);
  }
});

test('neutralize and cleanText', () => {
  expect(cleanText('a\u0000b\u0007c\r\nd\u2066e')).toBe('abc\nde');
  expect(neutralize('see http://x.com/a.b and evil.ru')).toBe('see hxxp[:]//x[.]com/a[.]b and evil[.]ru');
  expect(neutralize('<at>x</at>')).toBe('‹at›x‹/at›');
});

const notice = (n: number): Notice => ({ kind: 'new', alert: { id: `id-${n}`, title: `Alert ${n} ${'x'.repeat(150)}`, severity: 'medium', status: 'new', serviceSource: 'dataLossPrevention', alertWebUrl: `https://security.microsoft.com/alerts/id-${n}` } });

test('planCards: individual cards up to max-cards, digests below 20 KB and 25 rows carry the rest', () => {
  const plans = planCards(Array.from({ length: 120 }, (_, i) => notice(i)), 10);
  expect(plans.slice(0, 10).every(p => p.notices.length === 1)).toBe(true);
  const digests = plans.slice(10);
  expect(digests.reduce((sum, p) => sum + p.notices.length, 0)).toBe(110);
  expect(digests.length).toBe(5);
  for (const plan of plans) expect(cardBytes(plan.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(texts(digests[0].card).join('\n')).toContain('110 more alerts (part 1 of 5)');
  expect(planCards([], 10)).toEqual([]);
});

test('a card that would exceed the size limit falls back to the compact form', () => {
  const huge: GraphAlert = { id: 'big', title: 'Big', severity: 'high', evidence: Array.from({ length: 2000 }, (_, i) => ({ '@odata.type': '#microsoft.graph.security.userEvidence', userAccount: { userPrincipalName: `user${i}@contoso.com` } })), description: 'd'.repeat(5000) };
  const [plan] = planCards([{ kind: 'new', alert: huge }], 1);
  expect(cardBytes(plan.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
});
