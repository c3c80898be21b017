import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';
import { applyFault, json, startHttps, type Fault, type RunningServer } from './https.js';

/**
 * Fake Teams Workflows webhook ("When a Teams webhook request is received"): accepts the documented
 * envelope with an Adaptive Card and answers 202 Accepted with an empty body; rejects what the real
 * trigger rejects (wrong content type, not JSON, no attachments, oversized payload). A legacy connector
 * path takes MessageCards (or the same envelope) and answers 200 with body `1`.
 */
export interface ReceivedCard {
  card: Record<string, any>;
  text: string;
  /** The path the card was posted to: which workflow (channel) received it. */
  path: string;
  /** What Microsoft's Adaptive Cards library finds wrong with an Adaptive Card (the trigger itself accepts it anyway). */
  problems: string[];
}

export interface FakeTeams extends RunningServer {
  workflowsUrl: string;
  workflowUrl: (id: string) => string;
  connectorUrl: string;
  received: ReceivedCard[];
  attempts: number;
  faults: Fault[];
  /** Answers a request with a fault chosen from its card (e.g. fail one particular alert). */
  faultFor?: (card: ReceivedCard) => Fault | undefined;
}

const MAX_BYTES = 28 * 1024;

function text(res: import('node:http').ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}

export async function startFakeTeams(): Promise<FakeTeams> {
  const fake = { received: [], attempts: 0, faults: [] } as unknown as FakeTeams;
  // Workflows URLs differ by workflow id: one per channel.
  fake.workflowUrl = (id: string) =>
    `${server.url}/workflows/${id}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=fake-signature`;
  const server = await startHttps(async (req, res, raw) => {
    fake.attempts++;
    const isWorkflows = req.url.pathname.startsWith('/workflows/');
    const isConnector = req.url.pathname.startsWith('/webhookb2/');
    if (req.method !== 'POST' || (!isWorkflows && !isConnector))
      return json(res, 404, { error: { code: 'NotFound', message: 'The workflow was not found.' } });
    if (isWorkflows && req.url.searchParams.get('sig') !== 'fake-signature') {
      return json(res, 401, {
        error: { code: 'DirectApiAuthorizationRequired', message: 'The request must be authenticated only by Shared Access scheme.' }
      });
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return json(res, 400, { error: { code: 'InvalidRequestContent', message: 'The request content type must be application/json.' } });
    }
    if (req.headers.authorization)
      return json(res, 400, { error: { code: 'InvalidAuthorization', message: 'Only the SAS signature may authenticate.' } });
    if (Buffer.byteLength(req.body) > MAX_BYTES)
      return json(res, 413, { error: { code: 'RequestEntityTooLarge', message: 'The message is too large.' } });
    let body: any;
    try {
      body = JSON.parse(req.body);
    } catch {
      return json(res, 400, { error: { code: 'InvalidRequestContent', message: 'The request content is not valid JSON.' } });
    }
    if (isConnector && body?.['@type'] === 'MessageCard') {
      // What retired Office 365 connectors answered: text/plain, "1" on success, an error sentence otherwise.
      if (!body.summary && !body.text) return text(res, 400, 'Summary or Text is required.');
      const received: ReceivedCard = { card: body, text: JSON.stringify(body), path: req.url.pathname, problems: [] };
      if (await applyFault(fake.faults.shift() ?? fake.faultFor?.(received), res, raw)) return;
      fake.received.push(received);
      return text(res, 200, '1');
    }
    const attachment = body?.attachments?.[0];
    if (
      body?.type !== 'message' ||
      attachment?.contentType !== 'application/vnd.microsoft.card.adaptive' ||
      attachment?.content?.type !== 'AdaptiveCard'
    ) {
      return json(res, 400, {
        error: {
          code: 'InvalidTemplate',
          message: "Unable to process template language expressions: property 'attachments' must hold an Adaptive Card."
        }
      });
    }
    const received: ReceivedCard = {
      card: attachment.content,
      text: JSON.stringify(attachment.content),
      path: req.url.pathname,
      problems: adaptiveCardProblems(attachment.content)
    };
    if (await applyFault(fake.faults.shift() ?? fake.faultFor?.(received), res, raw)) return;
    fake.received.push(received);
    if (isConnector) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('1');
    }
    res.writeHead(202, { 'content-length': '0' });
    res.end();
  });
  fake.workflowsUrl = fake.workflowUrl('0a1b2c3d');
  fake.connectorUrl = `${server.url}/webhookb2/abc@def/IncomingWebhook/123/456`;
  return Object.assign(fake, server);
}
