export const id = 365;
export const ids = [365];
export const modules = {

/***/ 9365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TEAMS_RETRY_POLICY: () => (/* binding */ TEAMS_RETRY_POLICY),
  deliverCards: () => (/* binding */ deliverCards),
  requestBody: () => (/* binding */ requestBody)
});

// EXTERNAL MODULE: ./src/runtime/http.ts + 1 modules
var http = __webpack_require__(4137);
// EXTERNAL MODULE: ./src/runtime/secrets.ts
var secrets = __webpack_require__(4205);
// EXTERNAL MODULE: ./src/delivery/cards/cards.ts
var cards = __webpack_require__(4539);
// EXTERNAL MODULE: ./src/delivery/cards/text.ts
var cards_text = __webpack_require__(6069);
;// CONCATENATED MODULE: ./src/delivery/cards/message-card.ts


/**
 * The legacy Office 365 connector format (MessageCard), sent only with allow-legacy-connector: true.
 * Every section sets `markdown: false`: connectors render MessageCard text as markdown by default, and
 * alert text is untrusted. Text is neutralised as on Adaptive Cards (no links, no mentions).
 */
const THEME = { high: 'C4314B', medium: 'F8D22A', low: '0078D4', informational: '8A8886' };
const factsOf = (rows) => rows.filter(([, value]) => value !== '').map(([name, value]) => ({ name: `${name}:`, value: (0,cards_text/* neutralize */.YI)(value) }));
function openUri(name, url, hosts) {
    const safe = (0,cards_text/* safeUrl */.Pl)(url, hosts);
    return safe ? [{ '@type': 'OpenUri', name, targets: [{ os: 'default', uri: safe }] }] : [];
}
function messageCard(plan) {
    if (plan.digestHeading !== undefined) {
        return {
            '@type': 'MessageCard',
            '@context': 'https://schema.org/extensions',
            summary: plan.digestHeading,
            themeColor: THEME.informational,
            sections: [
                {
                    activityTitle: plan.digestHeading,
                    markdown: false,
                    facts: plan.notices.map(notice => ({
                        name: `${(0,cards.severityLook)(notice.alert.severity).label}:`,
                        value: (0,cards_text/* neutralize */.YI)(`${(0,cards_text/* truncate */.xv)(notice.alert.title || '(untitled alert)', 160)} (${(0,cards_text/* serviceLabel */.uZ)(notice.alert.serviceSource)})${notice.kind === 'new' || notice.kind === 'reminder' ? '' : ` [${notice.kind}]`}`)
                    }))
                }
            ]
        };
    }
    const notice = plan.notices[0];
    const alert = notice.alert;
    if (notice.incident) {
        const look = (0,cards.severityLook)(alert.severity);
        return {
            '@type': 'MessageCard',
            '@context': 'https://schema.org/extensions',
            summary: `${look.label} severity security incident`,
            themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
            sections: [
                {
                    activityTitle: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(alert.title || '(untitled incident)', 300)),
                    activitySubtitle: `${look.label} severity · incident`,
                    markdown: false,
                    facts: factsOf((0,cards.incidentFacts)(notice))
                }
            ],
            potentialAction: openUri('Open incident', notice.incident.incident.incidentWebUrl, plan.portalHosts)
        };
    }
    if (notice.rule) {
        // An audit rule notice: its own facts (rule, count or value, group, samples) and the Purview search,
        // as on its Adaptive Card; not an alert's facts under an alert's caption.
        const look = (0,cards.severityLook)(alert.severity);
        return {
            '@type': 'MessageCard',
            '@context': 'https://schema.org/extensions',
            summary: `${look.label} severity audit log rule notice`,
            themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
            sections: [
                {
                    activityTitle: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(alert.title || '(untitled rule notice)', 300)),
                    activitySubtitle: `${look.label} severity · Audit log rule`,
                    markdown: false,
                    facts: factsOf((0,cards.ruleFacts)(notice))
                }
            ],
            potentialAction: openUri('Open Purview audit search', alert.alertWebUrl, plan.portalHosts)
        };
    }
    const look = (0,cards.severityLook)(alert.severity);
    const caption = notice.kind === 'new' ? 'New alert' : (0,cards.followUpCaption)(notice);
    const sections = [
        {
            activityTitle: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(alert.title || '(untitled alert)', 300)),
            activitySubtitle: `${look.label} severity · ${caption}`,
            markdown: false,
            facts: factsOf(notice.kind === 'new' ? (0,cards.newAlertFacts)(alert) : (0,cards.followUpFacts)(notice))
        }
    ];
    if (notice.kind === 'new' && alert.description)
        sections.push({ text: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(String(alert.description), 1000)), markdown: false });
    if (notice.kind === 'new' && alert.recommendedActions) {
        sections.push({ title: 'Recommended actions', text: (0,cards_text/* neutralize */.YI)((0,cards_text/* truncate */.xv)(String(alert.recommendedActions), 600)), markdown: false });
    }
    return {
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary: `${look.label} severity security alert`,
        themeColor: THEME[(alert.severity ?? '').toLowerCase()] ?? THEME.informational,
        sections,
        potentialAction: [
            ...openUri('Open in Microsoft Defender', alert.alertWebUrl, plan.portalHosts),
            ...openUri('Open incident', alert.incidentWebUrl, plan.portalHosts)
        ]
    };
}

;// CONCATENATED MODULE: ./src/delivery/channels/webhook/webhook.ts




/**
 * Posts cards to a Teams webhook, one after another, paced, each retried on 429/5xx/resets/time-outs.
 * A card counts as delivered only on a success answer: 202 from Workflows (queued), or 200 with body
 * `1` from a legacy connector (which answers 200 with an error text when it throttles).
 */
const TEAMS_RETRY_POLICY = {
    maxAttempts: 4,
    maxTotalMs: 60_000,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    timeoutMs: 30_000,
    retryStatuses: [408, 429, 500, 502, 503, 504]
};
/** Teams answers are short; anything longer is not an answer from Teams. */
const MAX_TEAMS_ANSWER_BYTES = 256 * 1024;
/** Answers that mean every further post to this URL will fail too. */
const FATAL_STATUSES = new Set([401, 403, 404, 410]);
function explainStatus(status, body) {
    // The answer may echo the webhook URL or its signature: never let it through.
    const detail = body.trim() ? `: ${(0,secrets/* redact */.E$)(body.trim().slice(0, 2000)).slice(0, 300)}` : '';
    if (status === 404 || status === 410)
        return `Teams answered HTTP ${status}${detail}. The workflow behind teams-webhook-url was deleted or turned off; recreate it and update the secret.`;
    if (status === 401 || status === 403)
        return `Teams answered HTTP ${status}${detail}. The webhook URL is no longer authorised (its signature was regenerated or the flow's owner left); copy the current URL from the workflow.`;
    if (status === 400 || status === 413)
        return `Teams rejected the card (HTTP ${status})${detail}.`;
    return `Teams answered HTTP ${status}${detail}.`;
}
/** Workflows take the Adaptive Card in a message envelope; retired connectors get the MessageCard they render best. */
function requestBody(plan, kind) {
    return kind === 'legacy-connector' ? messageCard(plan) : (0,cards.workflowsEnvelope)(plan.card);
}
async function deliverCards(plans, options) {
    const results = [];
    const sleep = options.sleep ?? http/* realSleep */.uk;
    const now = options.now ?? Date.now;
    const sentAt = options.sentAt ?? [];
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    let fatal;
    /** Why no further post may start, if one may not. */
    const stopped = () => (options.signal?.aborted ? 'cancelled' : now() >= deadline ? 'deadline' : undefined);
    for (const [index, plan] of plans.entries()) {
        if (fatal) {
            results.push({ plan, delivered: false, error: `not sent: ${fatal}` });
            continue;
        }
        // The pause follows this call's previous post, or (first post) the run's last post to this URL.
        let wait = index > 0 ? options.intervalMs : sentAt.length > 0 ? Math.max(0, sentAt[sentAt.length - 1] + options.intervalMs - now()) : 0;
        if (options.rate && sentAt.length >= options.rate.requests) {
            // The post that would be one too many in the window waits until the oldest one leaves it.
            wait = Math.max(wait, sentAt[sentAt.length - options.rate.requests] + options.rate.windowMs - now());
        }
        // A wait that would end past the deadline is not started: the rest stays owed for the next run.
        const reason = stopped() ?? (wait > 0 && now() + wait >= deadline ? 'deadline' : undefined);
        if (reason) {
            results.push(...plans.slice(index).map(rest => deferredResult(rest, reason)));
            break;
        }
        if (wait > options.intervalMs)
            options.onPace?.(plan.label, wait);
        if (wait > 0)
            await sleep(wait, options.signal);
        const late = stopped();
        if (late) {
            results.push(...plans.slice(index).map(rest => deferredResult(rest, late)));
            break;
        }
        sentAt.push(now());
        try {
            const answer = await (0,http/* exchange */.cv)({
                method: 'POST',
                url: options.url,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(requestBody(plan, options.kind))
            }, {
                policy: options.policy ?? TEAMS_RETRY_POLICY,
                what: `Posting ${plan.label} to Teams`,
                sleep,
                validate: answer => {
                    // The retired connectors answered throttling with HTTP 200 and an error text instead of `1`.
                    if (options.kind === 'legacy-connector' && answer.body.trim() !== '1')
                        throw new Error(`connector answered "${answer.body.trim().slice(0, 200)}"`);
                },
                onRetry: (reason, delayMs) => options.onRetry?.(plan.label, reason, delayMs),
                maxBodyBytes: MAX_TEAMS_ANSWER_BYTES,
                signal: options.signal
            });
            if (answer.status >= 200 && answer.status < 300) {
                results.push({ plan, delivered: true });
            }
            else {
                const error = explainStatus(answer.status, answer.body);
                if (FATAL_STATUSES.has(answer.status))
                    fatal = error;
                results.push({ plan, delivered: false, error });
            }
        }
        catch (error) {
            if (error instanceof http/* ExchangeCancelled */.dH) {
                // Teams may have taken the card; at-least-once: it is posted again by the next run.
                results.push(...plans.slice(index).map(rest => deferredResult(rest, 'cancelled')));
                break;
            }
            results.push({
                plan,
                delivered: false,
                error: (0,secrets/* redact */.E$)(error instanceof http/* HttpError */.j$ ? error.message : String(error?.message ?? error))
            });
        }
    }
    return results;
}
function deferredResult(plan, reason) {
    const why = reason === 'deadline' ? 'max-run-time reached' : 'the run was cancelled';
    return { plan, delivered: false, deferred: reason, error: `not sent: ${why}; still owed, the next run posts it` };
}


/***/ })

};

//# sourceMappingURL=365.index.js.map