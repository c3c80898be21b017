import { boundedAlert, checkAlert } from '../../src/model/alert.js';
import { computeDelta, nextSnapshot, type DeltaSettings } from '../../src/alerts/delta.js';
import { alertIntake, newIntakeReport } from '../../src/alerts/intake.js';
import { oneLine } from '../../src/runtime/log.js';
import { html } from '../../src/report/summary-html.js';
import { forgetSecrets, redact, registerWebhookUrl } from '../../src/runtime/secrets.js';
import { checkSnapshot, gunzipSnapshot, parseSnapshot, serializeSnapshot, SnapshotUntrustedError } from '../../src/snapshot/format.js';
import { planCards } from '../../src/delivery/cards/cards.js';
import { neutralize, safeUrl } from '../../src/delivery/cards/text.js';
import { gzipSync } from 'node:zlib';
import { jsonListItems, JsonListError } from '../../src/alerts/json-items.js';

/**
 * Every state read can be wrong and every alert field is hostile: these are the pure defences.
 */
const settings: DeltaSettings = {
  minSeverity: 'low',
  statuses: ['new', 'inProgress'],
  serviceSources: [],
  notifyOn: ['new'],
  firstRun: 'notify',
  lookbackMs: 86_400_000
};
const NOW = Date.parse('2026-11-25T12:00:00Z');
const check = { scope: 'tenant', now: NOW };
const good = { version: 1, scope: 'tenant', cursor: NOW - 60_000, savedAt: new Date(NOW - 60_000).toISOString(), alerts: {} };

describe('snapshot trust', () => {
  test.each([
    ['not JSON', 'not json', /not valid JSON/],
    ['not an object', '[1,2]', /not a JSON object/],
    ['a newer format', JSON.stringify({ ...good, version: 2 }), /format version 2, and this version of the action reads version 1/],
    ["another tenant's", JSON.stringify({ ...good, scope: 'other' }), /belongs to 'other', not to 'tenant'/],
    ['a cursor from the future', JSON.stringify({ ...good, cursor: Date.parse('2099-01-01') }), /from the future/],
    ['saved in the future', JSON.stringify({ ...good, savedAt: '2099-01-01T00:00:00Z' }), /from the future/],
    ['no savedAt', JSON.stringify({ ...good, savedAt: 'yesterday' }), /no valid savedAt/],
    ['a malformed entry', JSON.stringify({ ...good, alerts: { a: { u: 'x', s: '' } } }), /malformed entry for alert "a"/],
    ['an owed copy of another alert', JSON.stringify({ ...good, alerts: { a: { u: 1, s: '', a: { id: 'b' } } } }), /malformed entry/]
  ])('%s is refused as untrusted', (_name, text, message) => {
    expect(() => parseSnapshot(text, check)).toThrow(SnapshotUntrustedError);
    expect(() => parseSnapshot(text, check)).toThrow(message);
  });

  test('a cursor up to 10 minutes ahead (clock skew between runners) is accepted', () => {
    expect(parseSnapshot(JSON.stringify({ ...good, cursor: NOW + 9 * 60_000 }), check).cursor).toBe(NOW + 9 * 60_000);
  });

  test('a gzip bomb is refused without inflating it whole', () => {
    const bomb = gzipSync(Buffer.alloc(300 * 1024 * 1024, 32), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => gunzipSnapshot(bomb)).toThrow(/inflates to more than 256 MiB/);
    expect(() => gunzipSnapshot(Buffer.from('plain text'))).toThrow(/not valid gzip/);
  });

  test('state added this round is checked like the rest: channels told, warned-about rules, query creation times', () => {
    const withEntry = (entry: unknown) => JSON.stringify({ ...good, alerts: { a: entry } });
    const told = { u: NOW, s: 'new|low|||', n: 'new|low|||' };
    expect(parseSnapshot(withEntry({ ...told, d: { default: 'new|low|||', soc: 'x' } }), check).alerts.a.d).toEqual({
      default: 'new|low|||',
      soc: 'x'
    });
    expect(Object.getPrototypeOf(parseSnapshot(withEntry({ ...told, d: { __proto__x: 'y' } }), check).alerts.a.d)).toBeNull();
    for (const d of [{ soc: 5 }, ['soc'], 'soc', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`r${i}`, 's']))])
      expect(() => parseSnapshot(withEntry({ ...told, d }), check)).toThrow(/malformed entry for alert "a"/);
    for (const expiredWarned of ['pen-test', [1], Array.from({ length: 201 }, () => 'x')])
      expect(() => parseSnapshot(JSON.stringify({ ...good, expiredWarned }), check)).toThrow(/expired suppress rules is malformed/);
    const audit = (made: unknown) => ({
      w: { frontiers: { fresh: NOW, settle: NOW, reconcile: NOW }, windows: [], made },
      r: { rules: {}, seen: {} },
      o: {},
      t: {}
    });
    expect(parseSnapshot(JSON.stringify({ ...good, audit: audit([NOW - 1]) }), check).audit!.w.made).toEqual([NOW - 1]);
    for (const made of ['x', ['1'], Array.from({ length: 1001 }, () => NOW)])
      expect(() => parseSnapshot(JSON.stringify({ ...good, audit: audit(made) }), check)).toThrow(/malformed ledger/);
  });

  test('state of the bot and the board is checked like the rest: message ids, boards, digest days, the rule log', () => {
    const withEntry = (entry: unknown) => JSON.stringify({ ...good, alerts: { a: entry } });
    const told = { u: NOW, s: 'new|low|||', n: 'new|low|||' };
    const ref = { serviceUrl: 'https://smba.trafficmanager.net/teams/', conversationId: '19:a@thread.tacv2;messageid=1', activityId: '1' };
    expect(parseSnapshot(withEntry({ ...told, m: { default: ref } }), check).alerts.a.m).toEqual({ default: ref });
    expect(Object.getPrototypeOf(parseSnapshot(withEntry({ ...told, m: { default: ref } }), check).alerts.a.m)).toBeNull();
    for (const m of [
      { default: 'x' },
      { default: { ...ref, activityId: 7 } },
      { default: { ...ref, conversationId: 'c'.repeat(501) } },
      ['x']
    ])
      expect(() => parseSnapshot(withEntry({ ...told, m }), check)).toThrow(/malformed entry for alert "a"/);
    const incident = (m: unknown) => JSON.stringify({ ...good, incidents: { 7: { s: 'active|high|||', u: NOW, m } } });
    expect(() => parseSnapshot(incident({ default: 'x' }), check)).toThrow(/malformed entry for incident "7"/);
    const board = { m: ref, h: '{}' };
    const boards = parseSnapshot(JSON.stringify({ ...good, boards: { __proto__x: board, default: board } }), check).boards!;
    expect(Object.getPrototypeOf(boards)).toBeNull();
    for (const side of [
      { boards: { default: { m: ref } } },
      { boards: { default: { m: 'x', h: '' } } },
      { boards: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`r${i}`, board])) },
      { digestDays: { default: 20261205 } },
      { ruleLog: [[NOW, 'rule']] },
      { ruleLog: Array.from({ length: 2001 }, () => [NOW, 'rule', 'default']) },
      { ruleLog: 'rule' }
    ])
      expect(() => parseSnapshot(JSON.stringify({ ...good, ...side }), check)).toThrow(
        /open-alerts board, digest or rule log state is malformed/
      );
  });

  test('signing: a signed snapshot verifies with any of its keys; wrong key, tampering, another entry or no signature fail closed', () => {
    const key = 'a-long-random-signing-key-0123456789';
    const older = 'the-key-before-the-rotation-0123456';
    const snapshot = parseSnapshot(JSON.stringify(good), check);
    const at = { ...check, boundTo: 'prefix-t-42-1' };
    const signed = serializeSnapshot(snapshot, key, undefined, 'prefix-t-42-1');
    expect(checkSnapshot(signed, { ...at, signingKeys: [key] })).toMatchObject({ resign: undefined });
    expect(() => parseSnapshot(signed, { ...at, signingKeys: [`${key}x`] })).toThrow(/matches no key of snapshot-signing-key/);
    expect(() => parseSnapshot(signed.replace(String(good.cursor), String(good.cursor + 1)), { ...at, signingKeys: [key] })).toThrow(
      /matches no key/
    );
    // The same bytes restored from another cache entry (an old snapshot uploaded again): refused.
    expect(() => parseSnapshot(signed, { ...check, boundTo: 'prefix-t-99-1', signingKeys: [key] })).toThrow(/uploaded again/);
    // Rotation: a snapshot signed with the second key verifies, and is to be signed again with the first.
    const byOlder = serializeSnapshot(snapshot, older, undefined, 'prefix-t-42-1');
    expect(checkSnapshot(byOlder, { ...at, signingKeys: [key, older] }).resign).toMatch(/key 2 of snapshot-signing-key/);
    expect(() => parseSnapshot(serializeSnapshot(snapshot), { ...at, signingKeys: [key] })).toThrow(
      /carries no signature.*reset-snapshot: adopt/
    );
    // A signed snapshot with no key given (a renamed secret) fails closed: signing is never turned off silently.
    expect(() => parseSnapshot(signed, at)).toThrow(/it is signed, but snapshot-signing-key is empty/);
    // The earlier format signed the JSON alone: only adopt takes it.
    const old = `m365-alerts-snapshot-hmac-sha256:${'0'.repeat(64)}\n${JSON.stringify(good)}`;
    expect(() => parseSnapshot(old, { ...at, signingKeys: [key] })).toThrow(/earlier format.*reset-snapshot: adopt/);
    // adopt: any signature or none, the rest checked as always.
    for (const text of [old, serializeSnapshot(snapshot), byOlder, signed])
      expect(checkSnapshot(text, { ...at, signingKeys: [key], adopt: true }).snapshot.cursor).toBe(good.cursor);
    expect(checkSnapshot(signed, { ...at, signingKeys: [key], adopt: true }).resign).toBeUndefined();
    expect(() => checkSnapshot(serializeSnapshot({ ...snapshot, scope: 'other' }), { ...at, adopt: true })).toThrow(/belongs to 'other'/);
  });

  test("an alert id like '__proto__' or 'constructor' is kept in the snapshot like any other", () => {
    const alerts = ['__proto__', 'constructor', 'hasOwnProperty'].map(id => ({
      id,
      title: id,
      severity: 'high',
      status: 'new',
      lastUpdateDateTime: new Date(NOW - 1000).toISOString()
    }));
    const first = computeDelta(undefined, alerts, settings, NOW);
    expect(first.notices.map(n => n.alert.id).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    const saved = serializeSnapshot(nextSnapshot(first, new Set(first.notices), 'tenant', NOW));
    const restored = parseSnapshot(saved, check);
    expect(Object.keys(restored.alerts).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    const second = computeDelta(restored, alerts, settings, NOW + 60_000);
    expect(second.notices).toEqual([]);
  });
});

describe('cursor hygiene', () => {
  test('an alert dated in the future is processed but never moves the cursor; later alerts keep arriving', () => {
    const future = { id: 'future', severity: 'high', status: 'new', lastUpdateDateTime: '2099-01-01T00:00:00Z' };
    const normal = { id: 'normal', severity: 'high', status: 'new', lastUpdateDateTime: new Date(NOW - 5_000).toISOString() };
    const delta = computeDelta(undefined, [future, normal], settings, NOW);
    expect(delta.notices.map(n => n.alert.id).sort()).toEqual(['future', 'normal']);
    expect(delta.futureIds).toEqual(['future']);
    expect(delta.cursor).toBe(NOW - 5_000);
    // Within 5 minutes ahead is ordinary clock skew: it does move the cursor.
    const skewed = computeDelta(undefined, [{ ...normal, lastUpdateDateTime: new Date(NOW + 60_000).toISOString() }], settings, NOW);
    expect(skewed.cursor).toBe(NOW + 60_000);
  });
});

describe('alert intake', () => {
  test('items without a usable id are skipped and reported, never silently', () => {
    const report = newIntakeReport();
    const take = alertIntake(alert => alert, report);
    expect([null, 42, 'x', [], {}, { id: 7 }, { id: '' }, { id: 'x'.repeat(600) }].map(take)).toEqual(Array(8).fill(undefined));
    expect(report.skipped).toHaveLength(8);
    expect(report.skipped[7]).toMatchObject({ id: 'x'.repeat(60), reason: expect.stringMatching(/600 characters long/) });
  });

  test('fields of the wrong type are dropped and named; the alert is still handled', () => {
    const report = newIntakeReport();
    const take = alertIntake((alert, problems) => boundedAlert(alert, problems), report);
    const alert = take({
      id: 'a',
      title: { text: 'x' },
      severity: 3,
      serviceSource: ['x'],
      status: 'new',
      description: 5,
      evidence: 'nope',
      mitreTechniques: ['T1', 2]
    })!;
    expect(alert).toMatchObject({ id: 'a', status: 'new', evidence: 'nope', mitreTechniques: ['T1'] });
    expect(alert.title).toBeUndefined();
    expect(alert.severity).toBeUndefined();
    expect(report.repaired).toEqual([
      { id: 'a', problem: expect.stringMatching(/severity is a number.*title is an object.*description is a number/) }
    ]);
    // Rendered from what is valid, and notifiable (its severity cannot say it is below the bar).
    const delta = computeDelta(undefined, [alert], settings, NOW);
    expect(delta.notices).toHaveLength(1);
    expect(() => planCards(delta.notices, 10)).not.toThrow();
  });

  test('evidence nested 20,000 deep, huge texts and __proto__ keys come out bounded', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20_000; i++) deep = { child: deep };
    const raw = JSON.parse(
      `{"id":"a","title":"${'t'.repeat(300_000)}","evidence":[{"__proto__":{"polluted":true},"nested":1}],"additionalData":{}}`
    );
    raw.additionalData = deep;
    const checked = checkAlert(raw);
    if (!('alert' in checked)) throw new Error('not checked');
    const alert = boundedAlert(checked.alert);
    expect(alert.title!.length).toBe(2000);
    expect(JSON.stringify(alert).length).toBeLessThan(100_000);
    expect(JSON.stringify(alert)).toContain('[nested too deep]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf((alert.evidence as object[])[0])).toBe(Object.prototype);
  });
});

describe('untrusted text', () => {
  test('neutralising is linear: a 200 KB a.a.a… title takes well under a second', () => {
    const title = 'a.'.repeat(100_000);
    const started = Date.now();
    neutralize(title);
    planCards([{ kind: 'new', alert: { id: 'x', title, severity: 'high' } }], 1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test.each([
    'evil.pw',
    'phish.cloud',
    'www.evil.tk',
    'login.microsoftonline.com.evil.zip',
    'https://evil.example/x',
    'user@evil.io',
    '10.0.0.1',
    '203.0.113.7:8080',
    '2001:db8::1',
    'javascript:alert(1)'
  ])('%s is inert', text => {
    const shown = neutralize(`see ${text} now`);
    expect(shown).not.toContain(text);
    expect(shown).toMatch(/\[\.\]|\[:\]/);
  });

  test('buttons open only the Microsoft portals of the configured cloud', () => {
    const hosts = ['security.microsoft.com'];
    expect(safeUrl('https://security.microsoft.com/alerts/1', hosts)).toBe('https://security.microsoft.com/alerts/1');
    expect(safeUrl('https://security.microsoft.com.evil.pw/alerts/1', hosts)).toBeUndefined();
    expect(safeUrl('https://evil.pw/alerts/1', hosts)).toBeUndefined();
    expect(safeUrl('http://security.microsoft.com/alerts/1', hosts)).toBeUndefined();
    expect(safeUrl('https://user@security.microsoft.com/', hosts)).toBeUndefined();
    const [plan] = planCards(
      [
        {
          kind: 'new',
          alert: { id: 'x', title: 't', alertWebUrl: 'https://evil.pw/a', incidentWebUrl: 'https://security.microsoft.com/incidents/1' }
        }
      ],
      1
    );
    expect(JSON.stringify(plan.card.actions)).not.toContain('evil');
    expect(plan.card.actions).toHaveLength(1);
  });

  test('log lines are one line and never a workflow command', () => {
    for (const title of ['x\n::error::pwned', '::stop-commands::tok', 'a\r::group::g', 'a\u2028::warning::w', ' ::add-mask::x']) {
      const line = oneLine(`Teams: new: ${title}`);
      expect(line).not.toMatch(/[\r\n\u2028]/);
      expect(oneLine(title)).not.toMatch(/^\s*::/);
      expect(line.split('\n').every(part => !/^\s*::/.test(part))).toBe(true);
    }
    expect(oneLine('x'.repeat(10_000)).length).toBeLessThan(2100);
  });

  test('job summary cells: no blank line can end the HTML block, no markdown link or image can form', () => {
    const cell = html('title\n\n![img](https://evil.pw/x.png) [click](https://evil.pw) **bold** <b>x</b>');
    expect(cell).not.toMatch(/\n/);
    expect(cell).not.toMatch(/!\[|\]\(|\*\*|<b>/);
  });
});

describe('secrets', () => {
  afterEach(() => forgetSecrets());
  const url =
    'https://prod-01.westeurope.environment.api.powerplatform.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sig=AbC%2Bsecret%2Fsig123';

  test('the webhook URL and its sig value are redacted in every spelling', () => {
    registerWebhookUrl(url);
    const sigDecoded = 'AbC+secret/sig123';
    for (const echo of [
      url,
      encodeURIComponent(url),
      url.replace(/&/g, '&amp;'),
      'AbC%2Bsecret%2Fsig123',
      sigDecoded,
      JSON.stringify(url)
    ]) {
      const out = redact(`Teams said: ${echo} (bad request)`);
      expect(out).not.toContain('secret');
      expect(out).toContain('***');
    }
  });

  test('any sig= value is redacted, even of a URL never registered', () => {
    expect(redact('see https://x.example/a?b=1&sig=TOPSECRET and &amp;sig=OTHER')).not.toMatch(/TOPSECRET|OTHER/);
  });
});

describe('streaming the alerts file', () => {
  async function* chunked(text: string, size: number) {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const items = async (text: string, size = 7) => {
    const out: unknown[] = [];
    for await (const item of jsonListItems(chunked(text, size))) out.push('value' in item ? item.value : item);
    return out;
  };

  test.each([1, 3, 7, 1000])('items of an array or of a Graph page, whatever the chunk size (%i)', async size => {
    const list = [{ id: 'a', title: 'x, "y" ] } [' }, 42, 'text', null, [1, [2]], { id: 'b', nested: { value: [1, 2] } }];
    expect(await items(JSON.stringify(list), size)).toEqual(list);
    expect(await items(`\uFEFF${JSON.stringify({ '@odata.context': 'x', value: list, '@odata.nextLink': 'y' })}`, size)).toEqual(list);
    expect(await items(JSON.stringify({ other: [1], value: [] }), size)).toEqual([]);
  });

  test('not JSON, cut short, or no list are errors', async () => {
    await expect(items('not json')).rejects.toThrow(JsonListError);
    await expect(items('{"value": [ {"id": "trunc')).rejects.toThrow(/ends before its JSON is complete/);
    await expect(items('{"items": [1]}')).rejects.toThrow('NO_LIST');
    await expect(items('[{"id":"a"} xyz]')).rejects.toThrow(JsonListError);
  });
});

test('whatever the TLD, a host-shaped word is inert; version numbers and abbreviations stay as they are', () => {
  expect(neutralize('see evil.zzzz now')).toBe('see evil[.]zzzz now');
  expect(neutralize('mail bob@evil.corpx')).toBe('mail bob@evil[.]corpx');
  expect(neutralize('version v1.2.3, e.g. this')).toBe('version v1.2.3, e.g. this');
});
