import { GLOBAL_PORTALS } from '../../src/inputs/clouds.js';
import { readFileSync } from 'node:fs';
import type { GraphAlert } from '../../src/model/alert.js';
import type { Notice } from '../../src/alerts/delta.js';
import {
  affectedEntities,
  backlogPlan,
  bodyBytes,
  cardBytes,
  MAX_STORED_BODY_BYTES,
  storedBodyBytes,
  storedBytes,
  MAX_CARD_BYTES,
  MAX_DIGEST_BODY_BYTES,
  newAlertCard,
  planCards,
  postBudget,
  workflowsEnvelope,
  followUpCard
} from '../../src/delivery/cards/cards.js';
import { messageCard } from '../../src/delivery/cards/renderers.js';
import { neutralize, cleanText } from '../../src/delivery/cards/text.js';
import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';

// Verbatim copies of Microsoft's documented samples (shared/fixtures/graph), kept with the tests.
const fixtures = new URL('../fixtures', import.meta.url).pathname;
const documented: GraphAlert = JSON.parse(readFileSync(`${fixtures}/alerts_v2-list-response.json`, 'utf8')).value[0];
const withUserIp: GraphAlert = JSON.parse(readFileSync(`${fixtures}/alerts_v2-from-incident-expand-user-ip-evidence.json`, 'utf8'));

/** Every string the card will show, wherever it sits. */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach(child => texts(child, out));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) if (key !== 'url' && key !== '$schema') texts(value, out);
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

test("a new-alert card from Microsoft's documented sample: version 1.4, severity, facts, entities, buttons", () => {
  const card = newAlertCard(documented);
  expect(card.version).toBe('1.4');
  const shown = texts(card.body).join('\n');
  expect(shown).toContain('LOW SEVERITY · New alert');
  expect(shown).toContain('Suspicious execution of hidden file');
  // Product names as Microsoft writes them, not the humanised enum ("Microsoft Defender For Endpoint").
  expect(shown).toContain('Microsoft Defender for Endpoint');
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
  const many: GraphAlert = {
    id: 'x',
    evidence: Array.from({ length: 8 }, (_, i) => ({ '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: `10.0.0.${i}` }))
  };
  expect(Object.fromEntries(affectedEntities(many))['IP addresses']).toMatch(/10\.0\.0\.4 \+3 more$/);
});

const hostile: GraphAlert = {
  id: 'evil-1',
  severity: 'high',
  status: 'new',
  title: 'Invoice [click here](https://evil.example.com/login) <at>Everyone</at> **URGENT** \u202Efdp.exe\u200B',
  description:
    'From: ceo@contoso.com\n# Heading\n- item\n<a href="javascript:alert(1)">x</a> www.evil.top ![img](https://evil.example.com/p.png)',
  assignedTo: '<at>admin</at>',
  alertWebUrl: 'javascript:alert(1)',
  incidentWebUrl: 'http://evil.example.com/',
  recommendedActions: '1. Visit [the fix](https://evil.example.com/fix) and reply to <at>security</at>',
  comments: [
    {
      comment: 'Closed. See https://evil.example.com/why <at>Everyone</at>',
      createdByDisplayName: '**Admin**',
      createdDateTime: '2026-11-25T10:00:00Z'
    }
  ],
  evidence: [{ '@odata.type': '#microsoft.graph.security.fileEvidence', fileDetails: { fileName: '[x](https://evil.example.com).docm' } }]
};

test('hostile text never becomes a link, mention or markup', () => {
  const variants = [
    newAlertCard(hostile),
    followUpCard({ kind: 'resolved', alert: { ...hostile, status: 'resolved' }, previousSignature: 'new|high||||' }),
    ...planCards([{ kind: 'new', alert: hostile }], 0).map(p => p.card),
    ...planCards([{ kind: 'reminder', alert: hostile }], 10).map(p => p.card)
  ];
  expect(variants).toHaveLength(4);
  for (const card of variants) {
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

const notice = (n: number): Notice => ({
  kind: 'new',
  alert: {
    id: `id-${n}`,
    title: `Alert ${n} ${'x'.repeat(150)}`,
    severity: 'medium',
    status: 'new',
    serviceSource: 'dataLossPrevention',
    alertWebUrl: `https://security.microsoft.com/alerts/id-${n}`
  }
});

test('planCards: individual cards up to max-cards, digests of at most 24 KB as sent carry the rest', () => {
  const plans = planCards(
    Array.from({ length: 120 }, (_, i) => notice(i)),
    10
  );
  expect(plans.slice(0, 10).every(p => p.notices.length === 1)).toBe(true);
  const digests = plans.slice(10);
  expect(digests.reduce((sum, p) => sum + p.notices.length, 0)).toBe(110);
  // 150-character titles: the longest rows a digest gets (titles are cut to 110 characters).
  expect(digests.length).toBe(2);
  for (const plan of plans.slice(0, 10)) expect(cardBytes(plan.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  for (const plan of digests) expect(bodyBytes(plan.card)).toBeLessThanOrEqual(MAX_DIGEST_BODY_BYTES);
  expect(texts(digests[0].card).join('\n')).toContain('110 more alerts (part 1 of 2)');
  expect(planCards([], 10)).toEqual([]);
});

test('a digest of realistic alerts carries at least 50 rows in at most 24 KB as sent, each with severity, title, source and link', () => {
  const realistic = (n: number): Notice => ({
    kind: 'new',
    alert: {
      id: `da63755122767756${String(n).padStart(4, '0')}_-961444813`,
      title: [
        'Suspicious PowerShell command line',
        'Unusual volume of file deletion',
        'Email messages containing malicious URL removed after delivery',
        'Atypical travel'
      ][n % 4],
      severity: ['high', 'medium', 'low', 'informational'][n % 4],
      serviceSource: [
        'microsoftDefenderForEndpoint',
        'microsoftDefenderForCloudApps',
        'microsoftDefenderForOffice365',
        'azureAdIdentityProtection'
      ][n % 4],
      alertWebUrl: `https://security.microsoft.com/alerts/da63755122767756${String(n).padStart(4, '0')}_-961444813?tid=b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c`
    }
  });
  const digests = planCards(
    Array.from({ length: 1000 }, (_, i) => realistic(i)),
    0
  );
  expect(digests.length).toBeLessThanOrEqual(20);
  for (const plan of digests.slice(0, -1)) expect(plan.notices.length).toBeGreaterThanOrEqual(50);
  for (const plan of digests) expect(bodyBytes(plan.card)).toBeLessThanOrEqual(MAX_DIGEST_BODY_BYTES);
  const row = JSON.stringify(digests[0].card.body[2]);
  expect(row).toContain('HIGH · Defender for Endpoint');
  expect(row).toContain('Suspicious PowerShell command line');
  expect(row).toContain('"url":"https://security.microsoft.com/alerts/da637551227677560000_-961444813');
});

test('a 1,000-alert burst of hostile-width titles (CJK, quotes, backslashes) stays within 26,000 bytes per post as Power Automate stores it, in at most 30 posts', () => {
  const wide = (n: number): Notice => ({
    kind: 'new',
    alert: {
      id: `da63755122767756${String(n).padStart(4, '0')}_-961444813`,
      title: `${'可疑的 PowerShell 命令行 "C:\\Users\\' + n + '" '.repeat(3)}`.slice(0, 150),
      severity: ['high', 'medium', 'low'][n % 3],
      serviceSource: 'microsoftDefenderForEndpoint',
      description: 'Ünïcødé “quoted” \\ text '.repeat(200),
      alertWebUrl: `https://security.microsoft.com/alerts/da63755122767756${String(n).padStart(4, '0')}_-961444813`
    }
  });
  const plans = planCards(
    Array.from({ length: 1000 }, (_, i) => wide(i)),
    10
  );
  expect(plans.length).toBeLessThanOrEqual(30);
  expect(plans.reduce((sum, plan) => sum + plan.notices.length, 0)).toBe(1000);
  for (const plan of plans) expect(storedBodyBytes(plan.card)).toBeLessThanOrEqual(MAX_STORED_BODY_BYTES);
  // The measure itself: the JSON as a JSON string, a non-ASCII character as its \\uXXXX escape.
  expect(storedBytes({ t: 'é"' })).toBe(Buffer.byteLength(String.raw`"{\"t\":\"\u00e9\\\"\"}"`));
});

test('a card that would exceed the size limit falls back to the compact form', () => {
  const huge: GraphAlert = {
    id: 'big',
    title: 'Big',
    severity: 'high',
    evidence: Array.from({ length: 2000 }, (_, i) => ({
      '@odata.type': '#microsoft.graph.security.userEvidence',
      userAccount: { userPrincipalName: `user${i}@contoso.com` }
    })),
    description: 'd'.repeat(5000)
  };
  const [plan] = planCards([{ kind: 'new', alert: huge }], 1);
  expect(cardBytes(plan.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
});

const comments = [
  { comment: 'Looked at it', createdByDisplayName: 'Alex Wilber', createdDateTime: '2026-11-25T09:00:00Z' },
  { comment: 'False positive: test tenant', createdByDisplayName: 'Megan Bowen', createdDateTime: '2026-11-25T10:30:00Z' }
];
const resolvedNotice: Notice = {
  kind: 'resolved',
  alert: {
    ...documented,
    status: 'resolved',
    classification: 'falsePositive',
    determination: 'other',
    assignedTo: 'megan@contoso.com',
    resolvedDateTime: '2026-11-25T10:31:00Z',
    comments
  },
  previousSignature: 'new|low|||'
};

test("every card variant is a valid Adaptive Card 1.4 for Microsoft's adaptivecards library", () => {
  const huge: GraphAlert = { id: 'big', title: 'Big', severity: 'high', description: 'd'.repeat(30_000) };
  const variants: Record<string, unknown> = {
    'new (documented sample)': newAlertCard(documented),
    'new (user and IP evidence)': newAlertCard(withUserIp),
    'new (hostile text)': newAlertCard(hostile),
    'new (only an id)': newAlertCard({ id: 'bare' }),
    resolved: followUpCard(resolvedNotice),
    updated: followUpCard({
      kind: 'updated',
      alert: { ...documented, status: 'inProgress', assignedTo: 'alex@contoso.com' },
      previousSignature: 'new|low|||'
    }),
    'compact fallback': planCards([{ kind: 'new', alert: huge }], 1)[0].card,
    'overflow digest (part 2 of 5)': planCards(
      Array.from({ length: 120 }, (_, i) => notice(i)),
      0
    )[1].card,
    'reminder digest': planCards(
      [
        { kind: 'reminder', alert: documented },
        { kind: 'reminder', alert: hostile }
      ],
      10,
      24 * 3_600_000
    )[0].card
  };
  for (const [name, card] of Object.entries(variants)) expect([name, adaptiveCardProblems(card as object)]).toEqual([name, []]);
  // The validator is not a rubber stamp: a 1.5 element, a bad value, a misspelt property and a button without url all fail.
  const broken = {
    type: 'AdaptiveCard',
    version: '1.4',
    body: [{ type: 'TextBlock', text: 'x', color: 'Purple', wieght: 'Bolder' }],
    actions: [{ type: 'Action.OpenUrl', title: 'Go' }]
  };
  expect(adaptiveCardProblems(broken)).toEqual([
    expect.stringMatching(/Invalid value "Purple"/),
    expect.stringMatching(/"url" must be set/),
    expect.stringMatching(/color was dropped/),
    expect.stringMatching(/wieght was dropped/)
  ]);
  expect(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'Table', rows: [] }] })).toEqual([
    expect.stringMatching(/Unknown element type "Table"/),
    expect.stringMatching(/\$.body was dropped/)
  ]);
});

test('a resolved follow-up says what changed, when, and who acted (assignee, latest comment)', () => {
  const shown = texts(followUpCard(resolvedNotice)).join('\n');
  expect(shown).toContain('LOW SEVERITY · Resolved');
  expect(shown).toContain('New → Resolved');
  expect(shown).toContain('none → False Positive');
  expect(shown).toContain('2026-11-25 10:31 UTC');
  // Host names are defanged everywhere, e-mail addresses included, so no client turns them into links.
  expect(shown).toContain('nobody → megan@contoso[.]com');
  expect(shown).toContain('Megan Bowen, 2026-11-25 10:30 UTC: False positive: test tenant');
  expect(shown).not.toContain('Looked at it');
});

test('a new-alert card carries the recommended actions, trimmed', () => {
  const card = newAlertCard({ ...documented, recommendedActions: `Isolate the device. ${'Then investigate. '.repeat(100)}` });
  const shown = texts(card).join('\n');
  expect(shown).toContain('Recommended actions');
  expect(shown).toMatch(/Isolate the device\. Then investigate\.[^\n]*…/);
  expect(Math.max(...elements(card, 'TextRun').map(run => run.text.length))).toBeLessThanOrEqual(1000);
});

test('MessageCard for legacy connectors: markdown off in every section, hostile text inert, https buttons only', () => {
  const plans = [
    ...planCards([{ kind: 'new', alert: hostile }, resolvedNotice], 2),
    ...planCards([notice(1), notice(2)], 0),
    ...planCards([{ kind: 'reminder', alert: hostile }], 1)
  ];
  expect(plans).toHaveLength(4);
  for (const plan of plans) {
    const card = messageCard(plan) as any;
    expect(card['@type']).toBe('MessageCard');
    expect(card.summary || card.text).toBeTruthy();
    expect(card.sections.every((section: any) => section.markdown === false)).toBe(true);
    const shown = texts(card.sections).join('\n');
    expect(shown).not.toMatch(/https?:\/\/|<\/?at>|[\u202E\u200B]/);
    for (const action of card.potentialAction ?? []) expect(action.targets[0].uri).toMatch(/^https:\/\//);
  }
  expect((messageCard(plans[0]) as any).potentialAction).toEqual([]);
  expect(texts((messageCard(plans[3]) as any).sections).join('\n')).toContain('Reminder: 1 alert is still unresolved');
});

test('digest headings: "more" only after individual cards', () => {
  const heading = (plan: { card: { body: Array<{ text?: string }> } }) => plan.card.body[0].text;
  expect(heading(planCards([notice(1), notice(2), notice(3)], 1)[1])).toBe('2 more alerts');
  expect(heading(planCards([notice(1), notice(2)], 0)[0])).toBe('2 alerts');
  expect(heading(planCards([{ kind: 'reminder', alert: notice(1).alert }], 5, 3 * 3_600_000)[0])).toBe(
    'Reminder: 1 alert is still unresolved, with no news for 3 hours'
  );
});

test('storms: the post budget at post-rate before max-run-time, and a backlog card that carries no notice', () => {
  expect(postBudget(600_000, { requests: 20, windowMs: 300_000 }, 1000)).toBe(40);
  expect(postBudget(5_000, { requests: 20, windowMs: 300_000 }, 1000)).toBe(5);
  expect(postBudget(0, { requests: 20, windowMs: 300_000 }, 1000)).toBe(0);
  const held = Array.from({ length: 30 }, (_, i) => notice(i));
  held[0] = {
    kind: 'new',
    alert: { id: 'x', title: 'Ransom https://evil.pw <at>ceo</at>', severity: 'high', serviceSource: 'microsoftDefenderForEndpoint' }
  };
  const plan = backlogPlan(held, 'https://github.com/contoso/secops/actions/runs/42');
  expect(plan.notices).toEqual([]);
  const shown = texts(plan.card).join('\n');
  expect(shown).toContain('Backlog: 30 more alerts will follow in the next runs');
  expect(shown).toMatch(/Medium 29, High 1/);
  expect(shown).toMatch(/Purview DLP 29, Defender for Endpoint 1/);
  expect(shown).not.toMatch(/https:\/\/evil|<at>/);
  expect(plan.card.actions).toEqual([
    { type: 'Action.OpenUrl', title: 'Open the workflow run', url: 'https://github.com/contoso/secops/actions/runs/42' }
  ]);
  expect(adaptiveCardProblems(plan.card)).toEqual([]);
});

test('audit rule card: rule, count against threshold and window, group, samples, Purview button; record text stays inert', async () => {
  const { ruleCard, ruleFacts } = await import('../../src/delivery/cards/cards.js');
  const sample = (i: number) => ({
    time: `2026-11-25T10:0${i}:00.000Z`,
    user: 'megan@contoso.com',
    operation: 'FileDeleted',
    object: `https://contoso.sharepoint.com/sites/x/[click](https://evil.example)<at>all</at>${i}.docx`,
    clientIp: '203.0.113.7'
  });
  const notice: Notice = {
    kind: 'new',
    alert: {
      id: 'rule:abc',
      title: 'Mass file deletion: 120 events in 10 min by megan@contoso.com',
      severity: 'high',
      status: 'new',
      serviceSource: 'auditLogRule',
      createdDateTime: '2026-11-25T10:09:00.000Z',
      alertWebUrl: 'https://purview.microsoft.com/audit/auditsearch'
    },
    rule: {
      rule: 'Mass file deletion',
      type: 'threshold',
      group: 'megan@contoso.com',
      groupBy: 'userPrincipalName',
      count: 120,
      threshold: 100,
      windowMs: 600_000,
      operations: ['FileDeleted', 'FileDeletedFirstStageRecycleBin'],
      samples: [1, 2, 3, 4, 5].map(sample)
    }
  };
  const rows = Object.fromEntries(ruleFacts(notice));
  expect(rows['Rule']).toBe('Mass file deletion (threshold rule)');
  expect(rows['Count']).toBe('120 events within 10 min (threshold 100)');
  expect(rows['User']).toBe('megan@contoso.com');
  // Long SharePoint URLs are cut to their last part (the Purview search has the whole record).
  expect(rows['Sample records (5)']).not.toContain('contoso.sharepoint.com');
  expect(rows['Sample records (5)']).toContain(' · …/');
  expect(rows['Sample records (5)'].split('\n')).toHaveLength(5);
  const card = ruleCard(notice);
  expect(adaptiveCardProblems(card)).toEqual([]);
  const shown = JSON.stringify(card);
  expect(shown).toContain('"url":"https://purview.microsoft.com/audit/auditsearch"');
  expect(shown).not.toContain('https://evil.example');
  expect(shown).not.toContain('<at>');
  // A planted owed notice with samples of the wrong shape still renders.
  const odd = {
    ...notice,
    rule: { ...notice.rule!, groupBy: 'constructor', samples: [null, 42, { time: 7 }] as never, operations: 'x' as never }
  };
  expect(Object.fromEntries(ruleFacts(odd))['constructor']).toBe('megan@contoso.com');
  expect(adaptiveCardProblems(ruleCard(odd))).toEqual([]);
  // To a legacy connector: a MessageCard with the rule's facts and the Purview button labelled as Purview.
  const { messageCard } = await import('../../src/delivery/cards/renderers.js');
  const legacy = JSON.stringify(messageCard(planCards([notice], 10)[0]));
  expect(legacy).toContain('Mass file deletion (threshold rule)');
  expect(legacy).toContain('120 events within 10 min (threshold 100)');
  expect(legacy).toContain('"name":"Open Purview audit search"');
  expect(legacy).not.toContain('Open in Microsoft Defender');
  expect(legacy).not.toContain('New alert');
  expect(legacy).not.toContain('https://evil.example');
});

test('the renderer table: every card kind renders in both formats, each with its own caption, facts and buttons', async () => {
  const { RENDERERS } = await import('../../src/delivery/cards/renderers.js');
  const { cardKindOf } = await import('../../src/delivery/cards/plan.js');
  const incidentNotice: Notice = {
    kind: 'new',
    alert: { id: 'incident:7', title: 'Multi-stage incident on one endpoint', severity: 'high', status: 'active' },
    incident: {
      incident: {
        id: '7',
        displayName: 'Multi-stage incident on one endpoint',
        status: 'active',
        severity: 'high',
        incidentWebUrl: 'https://security.microsoft.com/incidents/7'
      },
      alerts: [{ kind: 'new', alert: documented }],
      changes: [],
      record: { s: 'active|high|', u: 0 }
    }
  };
  const ruleNotice: Notice = {
    kind: 'new',
    alert: {
      id: 'rule:1',
      title: 'Mass file deletion',
      severity: 'high',
      status: 'new',
      alertWebUrl: 'https://purview.microsoft.com/audit/auditsearch'
    },
    rule: {
      rule: 'Mass file deletion',
      type: 'threshold',
      group: 'megan@contoso.com',
      groupBy: 'userPrincipalName',
      count: 120,
      threshold: 100,
      windowMs: 600_000,
      operations: ['FileRecycled'],
      samples: []
    }
  };
  const newNotice: Notice = { kind: 'new', alert: documented };
  const single = planCards([newNotice, resolvedNotice, incidentNotice, ruleNotice], 10);
  const plans = [
    ...single,
    ...planCards([newNotice, resolvedNotice], 0),
    backlogPlan([newNotice, ruleNotice], 'https://github.com/o/r/actions/runs/1'),
    {
      kind: 'test' as const,
      notices: [],
      digestHeading: 'Test card',
      note: "Sent to 'default'",
      portalHosts: [],
      label: 'test',
      card: newAlertCard(documented)
    },
    {
      kind: 'board' as const,
      notices: [],
      portalHosts: GLOBAL_PORTALS,
      label: 'board',
      card: newAlertCard(documented),
      board: {
        channel: 'default',
        bySeverity: { high: 1 },
        incidentsBySeverity: {},
        rows: [
          {
            title: 'Suspicious sign-in',
            severity: 'high',
            serviceSource: 'azureAdIdentityProtection',
            status: 'new',
            assignedTo: '',
            createdAt: Date.parse('2026-12-01T00:00:00Z'),
            alertWebUrl: 'https://security.microsoft.com/alerts/1'
          }
        ],
        total: 1,
        rules: { 'Mass file deletion': 2 },
        lookbackMs: 30 * 86_400_000,
        refreshedAt: Date.parse('2026-12-05T08:00:00Z')
      }
    }
  ];
  // What each kind must show, in the Adaptive Card and in the MessageCard alike.
  const expected: Record<string, { shows: string[]; button?: string; never?: string[] }> = {
    alert: { shows: ['New alert', 'Alert ID'], button: 'Open in Microsoft Defender' },
    'follow-up': { shows: ['Resolved', 'False Positive'], button: 'Open in Microsoft Defender' },
    incident: { shows: ['incident', 'Multi-stage incident on one endpoint'], button: 'Open incident' },
    rule: {
      shows: ['Audit log rule', 'Mass file deletion (threshold rule)', '120 events within 10 min (threshold 100)'],
      button: 'Open Purview audit search',
      never: ['New alert', 'Open in Microsoft Defender']
    },
    digest: { shows: ['2 alerts', documented.title as string] },
    backlog: { shows: ['Backlog: 2 more alerts will follow in the next runs', 'By severity'], button: 'Open the workflow run' },
    test: { shows: ['Sent to', 'TEST CARD'] },
    board: { shows: ['Open alerts board: 1 open alert', 'Open alerts', 'Rule notices, 24 h'], button: 'Open' }
  };
  expect(Object.keys(RENDERERS).sort()).toEqual(Object.keys(expected).sort());
  expect(new Set(plans.map(plan => plan.kind))).toEqual(new Set(Object.keys(RENDERERS)));
  expect(single.map(plan => plan.kind)).toEqual([newNotice, resolvedNotice, incidentNotice, ruleNotice].map(cardKindOf));
  for (const plan of plans) {
    const want = expected[plan.kind];
    const adaptive = RENDERERS[plan.kind].adaptive(plan);
    const legacy = RENDERERS[plan.kind].legacy(plan);
    expect([plan.kind, adaptiveCardProblems(adaptive)]).toEqual([plan.kind, []]);
    expect(legacy).toMatchObject({ '@type': 'MessageCard' });
    for (const [format, drawn] of [
      ['adaptive', adaptive],
      ['legacy', legacy]
    ] as const) {
      const json = JSON.stringify(drawn);
      for (const text of want.shows) expect([plan.kind, format, json.includes(text)]).toEqual([plan.kind, format, true]);
      if (want.button) expect([plan.kind, format, json.includes(`"${want.button}"`)]).toEqual([plan.kind, format, true]);
      for (const text of want.never ?? []) expect([plan.kind, format, json.includes(text)]).toEqual([plan.kind, format, false]);
    }
    // Markdown off in every MessageCard section: alert text is untrusted.
    for (const section of (legacy as { sections: Array<{ markdown?: boolean }> }).sections) expect(section.markdown).toBe(false);
  }
});
