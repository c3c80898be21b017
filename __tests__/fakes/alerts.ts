/** Realistic alerts_v2 objects for tests, shaped like Microsoft's documented samples. */
export const TENANT = 'b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c';
export const CLIENT = '6e1f4a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
export const SECRET = 'Xy7~fake.Secret_Value-0123456789abcdefGH';

export function makeAlert(n: number, overrides: Record<string, unknown> = {}, now = Date.now()): Record<string, any> {
  const created = new Date(now - 60 * 60_000 + n * 1000).toISOString();
  const id = `da6375512276775${String(n).padStart(5, '0')}_-96144481${n % 10}`;
  return {
    '@odata.type': '#microsoft.graph.security.alert',
    id,
    providerAlertId: id,
    incidentId: String(28000 + n),
    status: 'new',
    severity: 'medium',
    classification: null,
    determination: null,
    serviceSource: 'microsoftDefenderForEndpoint',
    detectionSource: 'antivirus',
    productName: 'Microsoft Defender for Endpoint',
    tenantId: TENANT,
    title: `Suspicious execution of hidden file #${n}`,
    description: 'A hidden file has been launched. This activity could indicate a compromised host.',
    recommendedActions: 'Collect artifacts and determine scope.',
    category: 'DefenseEvasion',
    assignedTo: null,
    alertWebUrl: `https://security.microsoft.com/alerts/${id}?tid=${TENANT}`,
    incidentWebUrl: `https://security.microsoft.com/incidents/${28000 + n}?tid=${TENANT}`,
    mitreTechniques: ['T1564.001'],
    createdDateTime: created,
    lastUpdateDateTime: created,
    resolvedDateTime: null,
    firstActivityDateTime: created,
    lastActivityDateTime: created,
    comments: [],
    evidence: [
      { '@odata.type': '#microsoft.graph.security.deviceEvidence', deviceDnsName: `ws-${n}.contoso.local`, verdict: 'unknown' },
      {
        '@odata.type': '#microsoft.graph.security.userEvidence',
        userAccount: { accountName: 'megan', userPrincipalName: 'MeganB@contoso.onmicrosoft.com' }
      }
    ],
    ...overrides
  };
}

/** Marks an alert as changed now (Graph bumps lastUpdateDateTime on every change). */
export function touch(alert: Record<string, any>, changes: Record<string, unknown>, now = Date.now()): void {
  Object.assign(alert, changes, { lastUpdateDateTime: new Date(now).toISOString() });
}
