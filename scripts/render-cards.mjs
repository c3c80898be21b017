#!/usr/bin/env node
// Renders sample cards to PNG for the README with Microsoft's Adaptive Cards JavaScript renderer in
// headless Chromium (Debian package `chromium`). Run with `npm run render-cards`; writes docs/card-*.png.
// Cards are built by the action's own code from Microsoft's documented alerts_v2 samples.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = p => import(path.join(root, 'build', p));
const { backlogPlan, incidentCard, newAlertCard, followUpCard, planCards, ruleCard } = await build('src/delivery/cards/cards.js');
const { planIncidents } = await build('src/incidents/incidents.js');
const { boardCard, boardHeading } = await build('src/delivery/cards/board-card.js');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const fixtures = path.join(root, '__tests__/fixtures');
const documented = JSON.parse(readFileSync(path.join(fixtures, 'alerts_v2-list-response.json'), 'utf8')).value[0];
const withEvidence = JSON.parse(readFileSync(path.join(fixtures, 'alerts_v2-from-incident-expand-user-ip-evidence.json'), 'utf8'));

const dlp = (n, title, severity) => ({
  kind: 'new',
  alert: {
    id: `dl${n}`,
    title,
    severity,
    status: 'new',
    serviceSource: n % 2 ? 'dataLossPrevention' : 'microsoftDefenderForOffice365',
    alertWebUrl: `https://security.microsoft.com/alerts/dl${n}`
  }
});
const samples = {
  new: newAlertCard({
    ...withEvidence,
    title: 'Suspicious PowerShell download or encoded command execution',
    severity: 'high',
    recommendedActions: 'Isolate the device, collect an investigation package and review the PowerShell command line.'
  }),
  resolved: followUpCard({
    kind: 'resolved',
    alert: {
      ...documented,
      status: 'resolved',
      classification: 'truePositive',
      determination: 'malware',
      assignedTo: 'secops@contoso.com',
      resolvedDateTime: '2026-11-25T10:31:00Z',
      comments: [{ comment: 'Device isolated and reimaged.', createdByDisplayName: 'Megan Bowen', createdDateTime: '2026-11-25T10:30:00Z' }]
    },
    previousSignature: 'new|low||||'
  }),
  digest: planCards(
    [
      dlp(1, 'DLP policy match: credit card numbers shared externally', 'medium'),
      dlp(2, 'Email messages containing malicious URL removed after delivery', 'high'),
      dlp(3, 'Unusual volume of file deletion', 'medium'),
      dlp(4, 'Email reported by user as malware or phish', 'low')
    ],
    0
  )[0].card,
  backlog: backlogPlan(
    Array.from({ length: 240 }, (_, n) =>
      dlp(
        n,
        [
          'Unusual volume of file deletion',
          'Email messages containing malicious URL removed after delivery',
          'DLP policy match: credit card numbers shared externally'
        ][n % 3],
        ['high', 'medium', 'low'][n % 3]
      )
    ),
    'https://github.com/contoso/secops/actions/runs/4242'
  ).card,
  incident: incidentCard(
    planIncidents(
      [
        {
          kind: 'new',
          alert: {
            ...withEvidence,
            incidentId: '29',
            title: 'Suspicious PowerShell download or encoded command execution',
            severity: 'high'
          }
        },
        { kind: 'new', alert: { ...documented, incidentId: '29', severity: 'medium' } },
        {
          kind: 'new',
          alert: {
            id: 'x3',
            incidentId: '29',
            title: 'Anomalous account lookups',
            severity: 'low',
            serviceSource: 'microsoftDefenderForIdentity'
          }
        }
      ],
      new Map([
        [
          '29',
          {
            id: '29',
            displayName: 'Multi-stage incident involving Execution & Command and control on one endpoint',
            status: 'active',
            severity: 'high',
            assignedTo: 'secops@contoso.com',
            incidentWebUrl: 'https://security.microsoft.com/incident2/29/overview'
          }
        ]
      ]),
      undefined,
      { notifyOn: ['new'], minSeverity: 'low' },
      Date.now()
    ).notices[0]
  ),
  rule: ruleCard({
    kind: 'new',
    alert: {
      id: 'rule:Qx3v9KpL2mN8tR4w',
      title: 'Mass file deletion: 120 events in 10 min by megan@contoso.com',
      severity: 'high',
      status: 'new',
      serviceSource: 'auditLogRule',
      createdDateTime: '2026-11-25T09:41:00.000Z',
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
      operations: ['FileDeleted', 'FileDeletedFirstStageRecycleBin', 'FileDeletedSecondStageRecycleBin'],
      samples: [41, 42, 44, 46, 48].map(minute => ({
        time: `2026-11-25T09:${minute}:00.000Z`,
        user: 'megan@contoso.com',
        operation: 'FileDeleted',
        object: `https://contoso.sharepoint.com/sites/finance/Shared Documents/Q4 forecast ${minute}.xlsx`,
        clientIp: '203.0.113.10'
      }))
    }
  }),
  hostile: newAlertCard({
    id: 'evil',
    severity: 'medium',
    status: 'new',
    serviceSource: 'microsoftDefenderForOffice365',
    title: 'Invoice [click here](https://evil.example.com/login) <at>Everyone</at> **URGENT**',
    description: 'Subject: <a href="https://evil.example.com">Reset your password</a> at www.evil.top',
    alertWebUrl: 'https://security.microsoft.com/alerts/evil'
  })
};

// The open-alerts board and the daily digest: what a channel still has open, oldest first.
const boardNow = Date.parse('2026-12-05T08:30:00Z');
const boardContent = {
  channel: 'default',
  bySeverity: { high: 2, medium: 3, low: 1 },
  incidentsBySeverity: { high: 1 },
  rows: [
    [
      'Suspicious PowerShell download or encoded command execution',
      'high',
      'microsoftDefenderForEndpoint',
      'inProgress',
      'secops@contoso.com',
      6 * 24
    ],
    ['Email messages containing malicious URL removed after delivery', 'medium', 'microsoftDefenderForOffice365', 'new', '', 3 * 24],
    ['Atypical travel', 'high', 'azureAdIdentityProtection', 'new', '', 30],
    ['DLP policy match: credit card numbers shared externally', 'medium', 'dataLossPrevention', 'inProgress', 'megan@contoso.com', 20],
    ['Unusual volume of file deletion', 'medium', 'microsoftDefenderForCloudApps', 'new', '', 5],
    ['Email reported by user as malware or phish', 'low', 'microsoftDefenderForOffice365', 'new', '', 2]
  ].map(([title, severity, serviceSource, status, assignedTo, hours], n) => ({
    title,
    severity,
    serviceSource,
    status,
    assignedTo,
    createdAt: boardNow - hours * 3_600_000,
    alertWebUrl: `https://security.microsoft.com/alerts/b${n}`
  })),
  total: 6,
  rules: { 'Mass file deletion': 2, 'Inbox rule forwards mail': 1 },
  lookbackMs: 30 * 86_400_000,
  refreshedAt: boardNow
};
samples.board = boardCard({
  board: boardContent,
  digestHeading: boardHeading(boardContent, false),
  portalHosts: ['security.microsoft.com']
});
samples['open-digest'] = boardCard({
  board: boardContent,
  digestHeading: boardHeading(boardContent, true),
  portalHosts: ['security.microsoft.com']
});

// A light host config close to Teams' light theme.
const hostConfig = {
  fontFamily: "'Segoe UI', 'DejaVu Sans', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 32, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7' },
        attention: { default: '#C4314B' },
        warning: { default: '#835B00' },
        good: { default: '#237B4B' }
      }
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7' },
        attention: { default: '#C4314B' },
        warning: { default: '#835B00' }
      }
    },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: { default: { default: '#242424' }, accent: { default: '#4F52B2' } } },
    attention: { backgroundColor: '#FCF4F6', foregroundColors: { default: { default: '#242424' }, attention: { default: '#C4314B' } } },
    warning: { backgroundColor: '#FBF6D9', foregroundColors: { default: { default: '#242424' }, warning: { default: '#835B00' } } }
  },
  actions: { actionsOrientation: 'horizontal', buttonSpacing: 8, maxActions: 6 }
};

const renderer = readFileSync(path.join(root, 'node_modules/adaptivecards/dist/adaptivecards.min.js'), 'utf8');
const temp = mkdtempSync(path.join(os.tmpdir(), 'cards-'));
const WIDTH = 640;

function page(card) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #F5F5F5; font-family: 'DejaVu Sans', sans-serif; }
#card { width: ${WIDTH - 32}px; margin: 16px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); overflow: hidden; }
.ac-pushButton { border: 1px solid #D1D1D1; background: #fff; border-radius: 4px; padding: 6px 12px; font-size: 14px; font-weight: 600; color: #242424; }
</style><script>${renderer}</script></head><body><div id="card"></div><script>
const card = new AdaptiveCards.AdaptiveCard();
card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(hostConfig)});
card.parse(${JSON.stringify(card)});
document.getElementById('card').appendChild(card.render());
document.title = 'height=' + Math.ceil(document.body.scrollHeight + 16);
</script></body></html>`;
}

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1'];
for (const [name, card] of Object.entries(samples)) {
  const file = path.join(temp, `${name}.html`);
  writeFileSync(file, page(card));
  const dom = execFileSync(chromium, [...flags, '--dump-dom', `file://${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const height = Number(/height=(\d+)/.exec(dom)?.[1] ?? 900);
  const out = path.join(root, 'docs', `card-${name}.png`);
  execFileSync(chromium, [...flags, `--window-size=${WIDTH},${height}`, `--screenshot=${out}`, `file://${file}`], { stdio: 'ignore' });
  console.log(`${path.relative(root, out)}: ${WIDTH}×${height}`);
}
