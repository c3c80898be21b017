import { createHmac, randomBytes } from 'node:crypto';
import { json, startHttps, type RunningServer } from './https.js';

/**
 * Fake of the runner's OIDC ID-token service (ACTIONS_ID_TOKEN_REQUEST_URL + _TOKEN): answers
 * `{"value": "<jwt>"}` for the requested audience, with a `sub` claim like GitHub's: the older form
 * `repo:OWNER/REPO:ref:refs/heads/BRANCH`, or (immutableSubject) the form GitHub gives repositories
 * created or renamed since 2026-07-15, `repo:OWNER@OWNER_ID/REPO@REPO_ID:ref:refs/heads/BRANCH`
 * (GitHub docs, "About security hardening with OpenID Connect": example subject claims).
 */
export function immutableSubject(owner: string, ownerId: number, repo: string, repoId: number, ref: string): string {
  return `repo:${owner}@${ownerId}/${repo}@${repoId}:ref:${ref}`;
}

export interface FakeIdTokenService extends RunningServer {
  requestUrl: string;
  requestToken: string;
  issued: Map<string, { sub: string; aud: string }>;
  subject: string;
  env(): Record<string, string>;
}

export async function startFakeIdTokenService(subject: string): Promise<FakeIdTokenService> {
  const requestToken = `runtime-${randomBytes(12).toString('hex')}`;
  const key = randomBytes(32);
  const fake = { issued: new Map(), subject, requestToken } as unknown as FakeIdTokenService;
  const real = await startHttps((req, res) => {
    if (req.headers.authorization !== `Bearer ${requestToken}`) return json(res, 401, { message: 'Bad credentials' });
    const aud = req.url.searchParams.get('audience') ?? '';
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'fake' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        iss: 'https://token.actions.githubusercontent.com',
        aud,
        sub: fake.subject,
        jti: randomBytes(8).toString('hex'),
        iat: now,
        nbf: now,
        exp: now + 300
      })
    ).toString('base64url');
    const token = `${header}.${payload}.${createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url')}`;
    fake.issued.set(token, { sub: fake.subject, aud });
    json(res, 200, { count: 1, value: token });
  });
  fake.requestUrl = `${real.url}/_apis/pipelines/workflows/1/idtoken?api-version=2.0`;
  fake.env = () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: fake.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken });
  return Object.assign(fake, real);
}
