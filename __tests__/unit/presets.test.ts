import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { parseRules } from '../../src/rules/rules.js';
import { recordMatches, type AuditRecord, type AuditRule } from '../../src/rules/rule-match.js';
import { emptyRuleEvalState, evaluateRecords } from '../../src/rules/rule-eval.js';

/**
 * The presets in examples/rules.yml against records shaped as the unified audit log writes them, not as
 * our code reads them. Names and fields follow Microsoft's pages:
 * - https://learn.microsoft.com/purview/audit-log-activities: FileRecycled / FolderRecycled ("Deleted
 *   file", since 2023), the Entra activities with their trailing period ("User registered security info."),
 *   SharingInvitationCreated / AddedToSecureLink / AnonymousLinkCreated, UpdateInboxRules (Outlook client).
 * - https://learn.microsoft.com/purview/audit-log-detailed-properties: TargetUserOrGroupType (Member,
 *   Guest, SharePointGroup, SecurityGroup, Partner), UserType (3 DcAdmin, 4 System).
 * - Graph's auditLogRecord (security-auditlogrecord.md): userType, userPrincipalName, auditData.
 * - Exchange admin records keep cmdlet parameters as [{Name, Value}] (Set-Mailbox -ForwardingSmtpAddress $null
 *   logs the parameter with an empty value); Outlook's UpdateInboxRules keeps the rule in OperationProperties
 *   with RuleActions as JSON text naming ForwardToRecipientsAction and the like.
 */
const NOW = Date.parse('2026-11-25T12:00:00Z');
const presets = parseRules(readFileSync('examples/rules.yml', 'utf8'));
const preset = (name: string): AuditRule => {
  const rule = presets.find(r => r.name === name);
  if (!rule) throw new Error(`no preset ${name}`);
  return rule;
};

let serial = 0;
function rec(operation: string, fields: Record<string, unknown> = {}, minutesAgo = 5): AuditRecord {
  serial++;
  return {
    '@odata.type': '#microsoft.graph.security.auditLogRecord',
    id: `0f${serial.toString(16).padStart(6, '0')}-7eca-f9a1-97a5-dedd3260e24a`,
    createdDateTime: new Date(NOW - minutesAgo * 60_000).toISOString(),
    auditLogRecordType: 'sharePointFileOperation',
    operation,
    userType: 'regular',
    userId: 'megan@contoso.com',
    userPrincipalName: 'megan@contoso.com',
    service: 'SharePoint',
    objectId: `https://contoso-my.sharepoint.com/personal/megan/Documents/f${serial}.docx`,
    clientIp: '203.0.113.10',
    auditData: { '@odata.type': 'microsoft.graph.security.auditData' },
    ...fields
  };
}

describe('presets fire on the names and shapes Microsoft logs', () => {
  it('mass file deletion counts FileRecycled and FolderRecycled (a user delete since 2023)', () => {
    const rule = preset('Mass file deletion');
    const records = Array.from({ length: 100 }, (_, i) => rec(i % 10 === 0 ? 'FolderRecycled' : 'FileRecycled', {}, 9 - i * 0.09));
    const result = evaluateRecords(emptyRuleEvalState(), [rule], records, NOW - 3_600_000, NOW);
    expect(result.firings).toHaveLength(1);
    expect(result.firings[0].count).toBe(100);
    const quiet = Array.from({ length: 99 }, (_, i) => rec('FileRecycled', {}, 9 - i * 0.09));
    expect(evaluateRecords(emptyRuleEvalState(), [rule], quiet, NOW - 3_600_000, NOW).firings).toEqual([]);
  });

  it('MFA changed matches the audit log names with their trailing period', () => {
    const rule = preset('MFA or authentication methods changed');
    for (const op of ['User registered security info.', 'User deleted security info.', 'Admin registered security info.']) {
      expect(recordMatches(rule, rec(op, { auditLogRecordType: 'azureActiveDirectory', service: 'AzureActiveDirectory' }))).toBe(true);
    }
    expect(recordMatches(rule, rec('User registered security info', { auditLogRecordType: 'azureActiveDirectory' }))).toBe(false);
  });

  it('an Outlook inbox rule that forwards (UpdateInboxRules, OperationProperties) fires; one that moves mail does not', () => {
    const rule = preset('Outlook inbox rule forwards or redirects mail');
    const outlook = (actions: string) =>
      rec('UpdateInboxRules', {
        auditLogRecordType: 'exchangeAdmin',
        service: 'Exchange',
        auditData: {
          OperationProperties: [
            { Name: 'RuleName', Value: 'x' },
            { Name: 'RuleActions', Value: JSON.stringify([{ ActionType: actions, Recipients: ['drop@example.net'] }]) },
            { Name: 'RuleOperation', Value: 'AddMailboxRule' }
          ]
        }
      });
    expect(recordMatches(rule, outlook('ForwardToRecipientsAction'))).toBe(true);
    expect(recordMatches(rule, outlook('RedirectToRecipientsAction'))).toBe(true);
    expect(recordMatches(rule, outlook('ForwardAsAttachmentToRecipientsAction'))).toBe(true);
    expect(recordMatches(rule, outlook('MoveToFolderAction'))).toBe(false);
  });

  it('mailbox forwarding fires when set to an address, not when it is removed (empty value)', () => {
    const rule = preset('Mailbox forwarding set');
    const setMailbox = (value: string) =>
      rec('Set-Mailbox', {
        auditLogRecordType: 'exchangeAdmin',
        service: 'Exchange',
        auditData: {
          Parameters: [
            { Name: 'Identity', Value: 'megan@contoso.com' },
            { Name: 'ForwardingSmtpAddress', Value: value },
            { Name: 'DeliverToMailboxAndForward', Value: 'False' }
          ]
        }
      });
    expect(recordMatches(rule, setMailbox('smtp:drop@example.net'))).toBe(true);
    expect(recordMatches(rule, setMailbox(''))).toBe(false);
  });

  it('an OWA inbox rule that forwards fires; one that clears the forward does not', () => {
    const rule = preset('Inbox rule forwards or redirects mail');
    const inboxRule = (value: string) =>
      rec('Set-InboxRule', {
        auditLogRecordType: 'exchangeAdmin',
        auditData: {
          Parameters: [
            { Name: 'Identity', Value: 'r' },
            { Name: 'ForwardTo', Value: value }
          ]
        }
      });
    expect(recordMatches(rule, inboxRule('drop@example.net'))).toBe(true);
    expect(recordMatches(rule, inboxRule(''))).toBe(false);
  });

  it("mailbox full access stays quiet on Exchange's own maintenance (system account)", () => {
    const rule = preset('Mailbox full-access permission added');
    const grant = (fields: Record<string, unknown>) =>
      rec('Add-MailboxPermission', {
        auditLogRecordType: 'exchangeAdmin',
        service: 'Exchange',
        auditData: {
          Parameters: [
            { Name: 'Identity', Value: 'ceo@contoso.com' },
            { Name: 'AccessRights', Value: 'FullAccess' }
          ]
        },
        ...fields
      });
    expect(recordMatches(rule, grant({}))).toBe(true);
    const system = 'NT AUTHORITY\\SYSTEM (Microsoft.Exchange.ServiceHost)';
    expect(recordMatches(rule, grant({ userId: system, userPrincipalName: system, userType: 'dcAdmin' }))).toBe(false);
    expect(recordMatches(rule, grant({ userId: system, userPrincipalName: system }))).toBe(false);
    expect(recordMatches(rule, grant({ userType: 'system', userId: 'S-1-5-18', userPrincipalName: undefined }))).toBe(false);
  });

  it('mass external sharing counts guests and anonymous links, not colleagues', () => {
    const rule = preset('Mass external sharing');
    const share = (op: string, target?: string) =>
      rec(op, { auditLogRecordType: 'sharePointSharingOperation', auditData: target ? { TargetUserOrGroupType: target } : {} });
    expect(recordMatches(rule, share('SharingInvitationCreated', 'Guest'))).toBe(true);
    expect(recordMatches(rule, share('AddedToSecureLink', 'Guest'))).toBe(true);
    expect(recordMatches(rule, share('AnonymousLinkCreated'))).toBe(true);
    expect(recordMatches(rule, share('SharingInvitationCreated', 'Member'))).toBe(false);
    expect(recordMatches(rule, share('AddedToSecureLink', 'Member'))).toBe(false);
    expect(recordMatches(rule, share('SecureLinkCreated'))).toBe(false);
  });
});

describe('rule warnings for names that never match', () => {
  it('warns about an Entra-shaped operation without its period, and about unknown or numeric record types', () => {
    // Warnings are workflow commands on stdout (runner-io.ts): read what the runner would read.
    const warn = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      parseRules(`
- name: mfa
  type: match
  operations: [User registered security info, Disable Strong Authentication., New-InboxRule]
  record-types: [azureActiveDirectory, 6, sharepointFileOperaton]
`);
      const said = warn.mock.calls.map(call => String(call[0])).filter(line => line.startsWith('::warning::'));
      expect(said.some(line => line.includes("'User registered security info'") && line.includes('trailing period'))).toBe(true);
      expect(said.some(line => line.includes("'Disable Strong Authentication.'"))).toBe(false);
      expect(said.some(line => line.includes("'6', a number"))).toBe(true);
      expect(said.some(line => line.includes("'sharepointFileOperaton', which is not an auditLogRecordType"))).toBe(true);
      expect(said.some(line => line.includes("'azureActiveDirectory'"))).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });
});
