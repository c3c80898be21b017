import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';
import { applyFault, json, startHttps, type Fault, type RunningServer } from './https.js';

/**
 * Fake Teams Workflows webhook (template "Send webhook alerts to a channel", formerly "Post to a channel
 * when a webhook request is received"). As the real trigger does, it answers 202 Accepted with an empty
 * body as soon as the flow is queued, for any JSON body: what the flow then fails on (no Adaptive Card
 * attachment, a message over Teams' 28 KB once Power Automate has re-serialised it) shows only in the
 * flow's run history, here `flowFailures`. Only the trigger's own checks answer at once: not JSON, the
 * wrong content type, a missing or wrong signature. Sources: Microsoft's Workflows docs ("Create incoming
 * webhooks with Workflows for Microsoft Teams": the request is queued, 202) and the Teams message limit
 * ("Limits and specifications for Microsoft Teams": 28 KB); Power Automate stores the body as a JSON
 * string with non-ASCII characters escaped, which is what the limit counts (storedBytes in cards.ts).
 * `strict: true` answers 400/413 synchronously instead, as a flow with a Response action does (README).
 * A legacy connector path takes MessageCards (or the same envelope) and answers 200 with body `1`.
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
  /** Messages the flow accepted (202) and then failed to post: its run history. */
  flowFailures: Array<{ path: string; reason: string }>;
  /** A flow with a Response action: a failed post answers 400/413 instead of 202. */
  strict: boolean;
}

/** Teams' message limit, counted on the body as Power Automate stores it. */
const MAX_BYTES = 28 * 1024;
/** The body as Power Automate stores it: a JSON string of the JSON, non-ASCII escaped as \uXXXX. */
export function storedBytes(body: string): number {
  return Buffer.byteLength(JSON.stringify(body).replace(/[\u0080-\uffff]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function text(res: import('node:http').ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}

export async function startFakeTeams(): Promise<FakeTeams> {
  const fake = { received: [], attempts: 0, faults: [], flowFailures: [], strict: false } as unknown as FakeTeams;
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
    const flowFails = (status: number, code: string, message: string) => {
      if (fake.strict) return json(res, status, { error: { code, message } });
      // Queued: the trigger answers 202 and the flow fails later, where only its run history shows it.
      fake.flowFailures.push({ path: req.url.pathname, reason: `${code}: ${message}` });
      res.writeHead(202, { 'content-length': '0' });
      res.end();
    };
    if (
      body?.type !== 'message' ||
      attachment?.contentType !== 'application/vnd.microsoft.card.adaptive' ||
      attachment?.content?.type !== 'AdaptiveCard'
    ) {
      return flowFails(
        400,
        'InvalidTemplate',
        "Unable to process template language expressions: property 'attachments' must hold an Adaptive Card."
      );
    }
    if (isWorkflows && storedBytes(req.body) > MAX_BYTES) {
      return flowFails(413, 'RequestEntityTooLarge', `The message is too large (${storedBytes(req.body)} bytes as stored).`);
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
