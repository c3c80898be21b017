export const id = 590;
export const ids = [590];
export const modules = {

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ ipBlockList)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

/**
 * IP addresses and CIDR ranges, IPv4 or IPv6, as a BlockList to match against: the `ips` of suppress
 * rules and the `exclude.ips` of audit rules. `reject` is called with the first item that is neither.
 */
function ipBlockList(items, reject) {
    const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    for (const item of items) {
        const [address, prefix, extra] = item.split('/');
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
        // The prefix is decimal digits only: '10.9.9.0/' would read as /0 (every address), '0x10' or '1e1' as numbers.
        if (prefix !== undefined && !/^\d{1,3}$/.test(prefix))
            reject(item);
        const bits = prefix === undefined ? undefined : Number(prefix);
        if (family === 0 || extra !== undefined || (bits !== undefined && bits > (family === 6 ? 128 : 32)))
            reject(item);
        const type = family === 6 ? 'ipv6' : 'ipv4';
        if (bits === undefined)
            list.addAddress(address, type);
        else
            list.addSubnet(address, bits, type);
    }
    return list;
}


/***/ }),

/***/ 3268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ listItems),
/* harmony export */   g: () => (/* binding */ yamlList)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8028);


/**
 * The one separator rule of the YAML list inputs (routes, suppress, rules). A key that takes several
 * values takes a YAML list (`[a, b]`, or one `- item` per line), or one text whose values are separated
 * by commas. Spaces around a value are trimmed; spaces inside a value belong to it ("Consent to
 * application.", "Shared Documents"): a key whose values cannot hold a space says so in its error.
 */
function listItems(value) {
    if (Array.isArray(value))
        return value;
    if (typeof value === 'string')
        return value
            .split(',')
            .map(item => item.trim())
            .filter(Boolean);
    return [value];
}
/**
 * Reads a list input written in YAML (or JSON, which is YAML): `routes`, `suppress`, `rules`. Each item must be a
 * mapping. Errors name the input; a YAML error gives only the position, never the text (it may hold a
 * webhook URL). Loaded only by the parsers of those inputs.
 */
function yamlList(input, text, noun, example) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        const position = error.linePos?.[0];
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input '${input}' is not valid YAML${position ? ` (line ${position.line}, column ${position.col})` : ''}. ${example}`);
    }
    if (!Array.isArray(data))
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input '${input}' is not a list of ${noun}s. ${example}`);
    return data.map((item, index) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .GN(`Input '${input}' ${noun} ${index + 1}: is not a mapping of keys to values. ${example}`);
        }
        return item;
    });
}


/***/ }),

/***/ 6590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_RULES: () => (/* binding */ MAX_RULES),
  parseRules: () => (/* binding */ parseRules)
});

// EXTERNAL MODULE: ./src/model/alert.ts
var model_alert = __webpack_require__(2119);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(8028);
// EXTERNAL MODULE: ./src/inputs/ip-list.ts
var ip_list = __webpack_require__(4813);
;// CONCATENATED MODULE: ./src/rules/audit-record-types.ts
/**
 * The members of Graph's auditLogRecordType enum (microsoft.graph.security), as Microsoft lists them:
 * https://learn.microsoft.com/graph/api/resources/security-auditlogrecordtype (page dated 2026-04-01).
 * Records carry the value camel-cased (`sharePointFileOperation`); rules compare without case. Numbers
 * (the PowerShell RecordType, `6`) are not what the query API returns, so a rule naming one never matches.
 */
const AUDIT_RECORD_TYPES = [
    'ExchangeAdmin',
    'ExchangeItem',
    'ExchangeItemGroup',
    'SharePoint',
    'SyntheticProbe',
    'SharePointFileOperation',
    'OneDrive',
    'AzureActiveDirectory',
    'AzureActiveDirectoryAccountLogon',
    'DataCenterSecurityCmdlet',
    'ComplianceDLPSharePoint',
    'Sway',
    'ComplianceDLPExchange',
    'SharePointSharingOperation',
    'AzureActiveDirectoryStsLogon',
    'SkypeForBusinessPSTNUsage',
    'SkypeForBusinessUsersBlocked',
    'SecurityComplianceCenterEOPCmdlet',
    'ExchangeAggregatedOperation',
    'PowerBIAudit',
    'CRM',
    'Yammer',
    'SkypeForBusinessCmdlets',
    'Discovery',
    'MicrosoftTeams',
    'ThreatIntelligence',
    'MailSubmission',
    'MicrosoftFlow',
    'AeD',
    'MicrosoftStream',
    'ComplianceDLPSharePointClassification',
    'ThreatFinder',
    'Project',
    'SharePointListOperation',
    'SharePointCommentOperation',
    'DataGovernance',
    'Kaizala',
    'SecurityComplianceAlerts',
    'ThreatIntelligenceUrl',
    'SecurityComplianceInsights',
    'MIPLabel',
    'WorkplaceAnalytics',
    'PowerAppsApp',
    'PowerAppsPlan',
    'ThreatIntelligenceAtpContent',
    'LabelContentExplorer',
    'TeamsHealthcare',
    'ExchangeItemAggregated',
    'HygieneEvent',
    'DataInsightsRestApiAudit',
    'InformationBarrierPolicyApplication',
    'SharePointListItemOperation',
    'SharePointContentTypeOperation',
    'SharePointFieldOperation',
    'MicrosoftTeamsAdmin',
    'HRSignal',
    'MicrosoftTeamsDevice',
    'MicrosoftTeamsAnalytics',
    'InformationWorkerProtection',
    'Campaign',
    'DLPEndpoint',
    'AirInvestigation',
    'Quarantine',
    'MicrosoftForms',
    'ApplicationAudit',
    'ComplianceSupervisionExchange',
    'CustomerKeyServiceEncryption',
    'OfficeNative',
    'MipAutoLabelSharePointItem',
    'MipAutoLabelSharePointPolicyLocation',
    'MicrosoftTeamsShifts',
    'SecureScore',
    'MipAutoLabelExchangeItem',
    'CortanaBriefing',
    'Search',
    'WDATPAlerts',
    'PowerPlatformAdminDlp',
    'PowerPlatformAdminEnvironment',
    'MDATPAudit',
    'SensitivityLabelPolicyMatch',
    'SensitivityLabelAction',
    'SensitivityLabeledFileAction',
    'AttackSim',
    'AirManualInvestigation',
    'SecurityComplianceRBAC',
    'UserTraining',
    'AirAdminActionInvestigation',
    'MSTIC',
    'PhysicalBadgingSignal',
    'TeamsEasyApprovals',
    'AipDiscover',
    'AipSensitivityLabelAction',
    'AipProtectionAction',
    'AipFileDeleted',
    'AipHeartBeat',
    'MCASAlerts',
    'OnPremisesFileShareScannerDlp',
    'OnPremisesSharePointScannerDlp',
    'ExchangeSearch',
    'SharePointSearch',
    'PrivacyDataMinimization',
    'LabelAnalyticsAggregate',
    'MyAnalyticsSettings',
    'SecurityComplianceUserChange',
    'ComplianceDLPExchangeClassification',
    'ComplianceDLPEndpoint',
    'MipExactDataMatch',
    'MSDEResponseActions',
    'MSDEGeneralSettings',
    'MSDEIndicatorsSettings',
    'MS365DCustomDetection',
    'MSDERolesSettings',
    'MAPGAlerts',
    'MAPGPolicy',
    'MAPGRemediation',
    'PrivacyRemediationAction',
    'PrivacyDigestEmail',
    'MipAutoLabelSimulationProgress',
    'MipAutoLabelSimulationCompletion',
    'MipAutoLabelProgressFeedback',
    'DlpSensitiveInformationType',
    'MipAutoLabelSimulationStatistics',
    'LargeContentMetadata',
    'Microsoft365Group',
    'CDPMlInferencingResult',
    'FilteringMailMetadata',
    'CDPClassificationMailItem',
    'CDPClassificationDocument',
    'OfficeScriptsRunAction',
    'FilteringPostMailDeliveryAction',
    'CDPUnifiedFeedback',
    'TenantAllowBlockList',
    'ConsumptionResource',
    'HealthcareSignal',
    'DlpImportResult',
    'CDPCompliancePolicyExecution',
    'MultiStageDisposition',
    'PrivacyDataMatch',
    'FilteringDocMetadata',
    'FilteringEmailFeatures',
    'PowerBIDlp',
    'FilteringUrlInfo',
    'FilteringAttachmentInfo',
    'CoreReportingSettings',
    'ComplianceConnector',
    'PowerPlatformLockboxResourceAccessRequest',
    'PowerPlatformLockboxResourceCommand',
    'CDPPredictiveCodingLabel',
    'CDPCompliancePolicyUserFeedback',
    'WebpageActivityEndpoint',
    'OMEPortal',
    'CMImprovementActionChange',
    'FilteringUrlClick',
    'MipLabelAnalyticsAuditRecord',
    'FilteringEntityEvent',
    'FilteringRuleHits',
    'FilteringMailSubmission',
    'LabelExplorer',
    'MicrosoftManagedServicePlatform',
    'PowerPlatformServiceActivity',
    'ScorePlatformGenericAuditRecord',
    'FilteringTimeTravelDocMetadata',
    'Alert',
    'AlertStatus',
    'AlertIncident',
    'IncidentStatus',
    'Case',
    'CaseInvestigation',
    'RecordsManagement',
    'PrivacyRemediation',
    'DataShareOperation',
    'CdpDlpSensitive',
    'EHRConnector',
    'FilteringMailGradingResult',
    'PublicFolder',
    'PrivacyTenantAuditHistoryRecord',
    'AipScannerDiscoverEvent',
    'EduDataLakeDownloadOperation',
    'M365ComplianceConnector',
    'MicrosoftGraphDataConnectOperation',
    'MicrosoftPurview',
    'FilteringEmailContentFeatures',
    'PowerPagesSite',
    'PowerAppsResource',
    'PlannerPlan',
    'PlannerCopyPlan',
    'PlannerTask',
    'PlannerRoster',
    'PlannerPlanList',
    'PlannerTaskList',
    'PlannerTenantSettings',
    'ProjectForTheWebProject',
    'ProjectForTheWebTask',
    'ProjectForTheWebRoadmap',
    'ProjectForTheWebRoadmapItem',
    'ProjectForTheWebProjectSettings',
    'ProjectForTheWebRoadmapSettings',
    'QuarantineMetadata',
    'MicrosoftTodoAudit',
    'TimeTravelFilteringDocMetadata',
    'TeamsQuarantineMetadata',
    'SharePointAppPermissionOperation',
    'MicrosoftTeamsSensitivityLabelAction',
    'FilteringTeamsMetadata',
    'FilteringTeamsUrlInfo',
    'FilteringTeamsPostDeliveryAction',
    'MDCAssessments',
    'MDCRegulatoryComplianceStandards',
    'MDCRegulatoryComplianceControls',
    'MDCRegulatoryComplianceAssessments',
    'MDCSecurityConnectors',
    'MDADataSecuritySignal',
    'VivaGoals',
    'FilteringRuntimeInfo',
    'AttackSimAdmin',
    'MicrosoftGraphDataConnectConsent',
    'FilteringAtpDetonationInfo',
    'PrivacyPortal',
    'ManagedTenants',
    'UnifiedSimulationMatchedItem',
    'UnifiedSimulationSummary',
    'UpdateQuarantineMetadata',
    'MS365DSuppressionRule',
    'PurviewDataMapOperation',
    'FilteringUrlPostClickAction',
    'IrmUserDefinedDetectionSignal',
    'TeamsUpdates',
    'PlannerRosterSensitivityLabel',
    'MS365DIncident',
    'FilteringDelistingMetadata',
    'ComplianceDLPSharePointClassificationExtended',
    'MicrosoftDefenderForIdentityAudit',
    'SupervisoryReviewDayXInsight',
    'DefenderExpertsforXDRAdmin',
    'CDPEdgeBlockedMessage',
    'HostedRpa',
    'CdpContentExplorerAggregateRecord',
    'CDPHygieneAttachmentInfo',
    'CDPHygieneSummary',
    'CDPPostMailDeliveryAction',
    'CDPEmailFeatures',
    'CDPHygieneUrlInfo',
    'CDPUrlClick',
    'CDPPackageManagerHygieneEvent',
    'FilteringDocScan',
    'TimeTravelFilteringDocScan',
    'MAPGOnboard',
    'AlertSubmission',
    'AlertSubmissionResultDetail',
    'ComplianceSitGradingSharePoint',
    'CompliancePolicyGradingSharePoint',
    'AzureAISearchAudit',
    'P4AIRiskScoreRecord',
    'DragonCopilotAdmin',
    'AISpanOutputs',
    'EopSubmissionFeedEntity',
    'SonarFileDetonationEntity',
    'SonarSubmissionEntity',
    'SonarUrlDetonationEntity',
    'SubmissionEntity',
    'SonarDetonationEntity',
    'MicrosoftTeamsUserConcern',
    'VivaGlintAgenticCampaign',
    'MSPVectorSearchContentMetadata',
    'FabricPolicy',
    'SecurityCopilotAgentIdentityManagement',
    'CopilotSessionSharing',
    'DragonCopilotAccess',
    'DragonCopilotClinicalData',
    'DragonCopilotSession',
    'MosAgentInfoRecordV2',
    'SecurityDevelopmentLifecycleAILog',
    'MDASH',
    'DefenderSecurityForAIConfiguration',
    'SparkCoreCustomLivePool'
];

// EXTERNAL MODULE: ./src/runtime/log.ts
var log = __webpack_require__(390);
// EXTERNAL MODULE: ./src/inputs/list-input.ts
var list_input = __webpack_require__(3268);
;// CONCATENATED MODULE: ./src/rules/rules.ts







/**
 * `rules`: activity rules over the unified audit log (match, threshold, new-value), the alert policies
 * Microsoft keeps for E5. A YAML (or JSON) list parsed once, with errors that name the rule and the key;
 * matching and evaluation are in rule-match.ts and rule-eval.ts.
 */
const TYPES = ['match', 'threshold', 'new-value'];
const OPS = ['equals', 'in', 'contains', 'exists', 'not-empty', 'not-in', 'any'];
const COMMON_KEYS = ['name', 'type', 'severity', 'operations', 'record-types', 'services', 'where', 'exclude'];
const TYPE_KEYS = {
    match: ['group-by', 'combine'],
    threshold: ['threshold', 'window', 'group-by', 'distinct'],
    'new-value': ['value', 'group-by', 'learn-for', 'new-groups']
};
/** At most this many rules, operations per rule and conditions per rule: every record meets every rule. */
const MAX_RULES = 50;
const MAX_LIST = 100;
const MAX_PATH_SEGMENTS = 8;
const EXAMPLE = `For example:
  rules: |
    - name: Mass file deletion
      type: threshold
      severity: high
      operations: [FileRecycled, FolderRecycled, FileDeleted, FileDeletedFirstStageRecycleBin, FileDeletedSecondStageRecycleBin]
      threshold: 100
      window: 10m
      group-by: userPrincipalName
(see examples/rules.yml for more)`;
function fail(where, problem, valid) {
    throw new inputs/* SettingsError */.GN(`Input 'rules' ${where}${problem}. ${valid}`);
}
/** A list key, by the separator rule of list-input.ts: operation names and values may hold spaces. */
function texts(where, key, value) {
    const items = (0,list_input/* listItems */.D)(value).map(item => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? String(item).trim() : undefined);
    if (items.some(item => item === undefined))
        fail(where, `'${key}' holds something that is not a text`, `Give a list of texts, e.g. ${key}: [a, b].`);
    const found = items.filter(Boolean);
    if (found.length === 0)
        fail(where, `'${key}' is empty`, `Give at least one value, or leave '${key}' out.`);
    if (found.length > MAX_LIST)
        fail(where, `'${key}' has ${found.length} values`, `Give at most ${MAX_LIST}.`);
    return found;
}
/** A dot path such as `auditData.Parameters.Name`, split into its segments. */
function pathOf(where, key, value) {
    const text = typeof value === 'string' ? value.trim() : '';
    const segments = text.split('.');
    if (!text || segments.some(segment => !/^[A-Za-z0-9_@-]{1,100}$/.test(segment)) || segments.length > MAX_PATH_SEGMENTS) {
        fail(where, `'${key}' is '${(0,log/* oneLine */.TN)(String(value), 80)}', which is not a field path`, `Give a dot path of up to ${MAX_PATH_SEGMENTS} names, e.g. userPrincipalName, clientIp or auditData.Parameters.Name.`);
    }
    return segments;
}
function durationOf(where, key, value, minMs, maxMs, valid) {
    const ms = typeof value === 'string' ? (0,inputs/* parseDuration */.E9)(value) : Number.NaN;
    if (Number.isNaN(ms) || ms < minMs || ms > maxMs)
        fail(where, `'${key}' is '${(0,log/* oneLine */.TN)(String(value), 40)}'`, valid);
    return ms;
}
function conditionOf(where, index, value, inner = false) {
    const at = `${where}'where' item ${index + 1}: `;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(at, 'is not a mapping', 'Write each condition as {field: <dot path>, <op>: <value>}, e.g. {field: auditData.Parameters.Name, in: [ForwardTo]}.');
    const entry = value;
    const ops = Object.keys(entry).filter(key => key !== 'field');
    const unknown = ops.find(key => !OPS.includes(key));
    if (unknown !== undefined)
        fail(at, `has the key '${(0,log/* oneLine */.TN)(unknown, 40)}', which is not known`, `Valid keys: field and one of ${OPS.join(', ')}.`);
    if (ops.length !== 1)
        fail(at, `has ${ops.length} operators`, `Give exactly one of ${OPS.join(', ')} besides 'field'.`);
    const op = ops[0];
    const field = pathOf(at, 'field', entry.field);
    if (op === 'exists' || op === 'not-empty') {
        if (typeof entry[op] !== 'boolean')
            fail(at, `'${op}' is not true or false`, `Write ${op}: true (the field is there${op === 'not-empty' ? ' with a value' : ''}) or ${op}: false.`);
        return { field, op, values: [], exists: entry[op] };
    }
    if (op === 'any') {
        const list = entry.any;
        if (inner)
            fail(at, "has an 'any' inside an 'any'", 'Nest one level only.');
        if (!Array.isArray(list) || list.length === 0 || list.length > 20)
            fail(at, "'any' is not a list of 1 to 20 conditions", 'e.g. {field: auditData.Parameters, any: [{field: Name, in: [ForwardingSmtpAddress]}, {field: Value, not-empty: true}]}.');
        return { field, op, values: [], items: list.map((item, i) => conditionOf(`${at}'any' `, i, item, true)) };
    }
    const values = texts(at, op, entry[op]).map(item => item.toLowerCase());
    if (op === 'equals' && values.length !== 1)
        fail(at, `'equals' has ${values.length} values`, "Give one value to 'equals', or use 'in' / 'not-in' for a list.");
    return { field, op, values };
}
/** A name shaped like a Microsoft Entra activity ("Add member to role") lacks the period the audit log gives it. */
function warnEntraPeriod(where, operations) {
    for (const op of operations) {
        if (/^[A-Z][a-z]+( [A-Za-z]+){2,}$/.test(op))
            log/* warning */.$e(`Input 'rules' ${where}'operations' has '${(0,log/* oneLine */.TN)(op, 80)}', which looks like a Microsoft Entra activity without its trailing period. In the unified audit log Entra operation names end with a period ('${(0,log/* oneLine */.TN)(op, 80)}.'); without it the rule never matches.`);
    }
}
/** record-types: checked against Graph's auditLogRecordType list; an unknown one is warned about by name. */
function recordTypesOf(where, value) {
    const known = new Set(AUDIT_RECORD_TYPES.map(type => type.toLowerCase()));
    const types = texts(where, 'record-types', value);
    for (const type of types) {
        if (known.has(type.toLowerCase()))
            continue;
        log/* warning */.$e(/^\d+$/.test(type)
            ? `Input 'rules' ${where}'record-types' has '${type}', a number: the audit log query API gives record types by name (e.g. sharePointFileOperation, exchangeAdmin), so it never matches.`
            : `Input 'rules' ${where}'record-types' has '${(0,log/* oneLine */.TN)(type, 60)}', which is not an auditLogRecordType Microsoft documents; records of it may never come. Names are like sharePointFileOperation, exchangeAdmin, azureActiveDirectory.`);
    }
    return new Set(types.map(type => type.toLowerCase()));
}
function ipList(where, value) {
    return (0,ip_list/* ipBlockList */.n)(texts(where, 'exclude.ips', value), item => fail(where, `'exclude.ips' has '${(0,log/* oneLine */.TN)(item, 60)}', which is not an IP address or CIDR range`, 'Give addresses or ranges such as 203.0.113.7 or 198.51.100.0/24.'));
}
/** The rule's name, type and keys checked; the name titles the errors that follow. */
function ruleHead(entry, index, names) {
    let where = `rule ${index + 1}: `;
    const name = typeof entry.name === 'string' ? (0,log/* oneLine */.TN)(entry.name.trim(), 200) : '';
    if (name)
        where = `rule '${(0,log/* oneLine */.TN)(name, 80)}': `;
    if (!name)
        fail(where, "has no 'name'", 'Give every rule a short name; it titles its cards and counts in the job summary.');
    if (names.has(name.toLowerCase()))
        fail(where, `repeats the name '${name}'`, 'Give every rule its own name (the name keys its learned state).');
    names.add(name.toLowerCase());
    const type = typeof entry.type === 'string' ? (0,inputs/* matchAllowed */.wC)(TYPES, entry.type) : undefined;
    if (!type)
        fail(where, `'type' is '${(0,log/* oneLine */.TN)(String(entry.type), 40)}'`, `Valid values: ${TYPES.join(', ')}.`);
    const keys = [...COMMON_KEYS, ...TYPE_KEYS[type]];
    for (const key of Object.keys(entry)) {
        if (!keys.includes(key)) {
            const other = TYPES.find(t => TYPE_KEYS[t].includes(key));
            fail(where, `has the key '${(0,log/* oneLine */.TN)(key, 60)}', which ${other ? `belongs to rules of type ${other}` : 'is not known'}`, `Valid keys for type ${type}: ${keys.join(', ')}.`);
        }
    }
    return { where, name, type };
}
/** Severity and operations: what every rule needs. */
function ruleBase(where, entry, name, type) {
    const severity = entry.severity === undefined ? 'medium' : typeof entry.severity === 'string' ? (0,inputs/* matchAllowed */.wC)(model_alert/* SEVERITIES */.oC, entry.severity) : undefined;
    if (!severity)
        fail(where, `'severity' is '${(0,log/* oneLine */.TN)(String(entry.severity), 40)}'`, `Valid values: ${model_alert/* SEVERITIES */.oC.join(', ')}.`);
    if (entry.operations === undefined)
        fail(where, "has no 'operations'", 'Give the exact audit operation names the rule reads, e.g. operations: [FileDeleted, New-InboxRule] (no wildcards).');
    const operations = texts(where, 'operations', entry.operations);
    const wild = operations.find(op => /[*?%]/.test(op));
    if (wild)
        fail(where, `'operations' has '${(0,log/* oneLine */.TN)(wild, 60)}', a wildcard`, 'The audit log query API takes exact operation names only; list each one.');
    warnEntraPeriod(where, operations);
    return {
        name,
        type,
        severity,
        operations,
        operationSet: new Set(operations.map(op => op.toLowerCase())),
        where: [],
        excludeUsers: new Set(),
        groupBy: []
    };
}
/** The filters any rule may have: record types, services, where, exclude, group-by. */
function ruleFilters(where, entry, rule) {
    if (entry['record-types'] !== undefined)
        rule.recordTypes = recordTypesOf(where, entry['record-types']);
    if (entry.services !== undefined)
        rule.services = new Set(texts(where, 'services', entry.services).map(s => s.toLowerCase()));
    if (entry.where !== undefined) {
        const list = Array.isArray(entry.where) ? entry.where : [entry.where];
        if (list.length > MAX_LIST)
            fail(where, `'where' has ${list.length} conditions`, `Give at most ${MAX_LIST}.`);
        rule.where = list.map((item, i) => conditionOf(where, i, item));
    }
    if (entry.exclude !== undefined) {
        const exclude = entry.exclude;
        if (typeof exclude !== 'object' || exclude === null || Array.isArray(exclude))
            fail(where, "'exclude' is not a mapping", 'Write exclude: {users: [svc-backup@contoso.com], ips: [198.51.100.0/24]}.');
        for (const key of Object.keys(exclude)) {
            if (key !== 'users' && key !== 'ips')
                fail(where, `'exclude' has the key '${(0,log/* oneLine */.TN)(key, 40)}'`, 'Valid keys: users, ips.');
        }
        const { users, ips } = exclude;
        if (users !== undefined)
            rule.excludeUsers = new Set(texts(where, 'exclude.users', users).map(s => s.toLowerCase()));
        if (ips !== undefined)
            rule.excludeIps = ipList(where, ips);
    }
    if (entry['group-by'] !== undefined) {
        const list = Array.isArray(entry['group-by']) ? entry['group-by'] : [entry['group-by']];
        if (list.length === 0 || list.length > 4)
            fail(where, "'group-by' must name 1 to 4 fields", 'e.g. group-by: userPrincipalName, or group-by: [userPrincipalName, clientIp].');
        rule.groupBy = list.map(item => pathOf(where, 'group-by', item));
    }
}
function thresholdKeys(where, entry, rule) {
    const threshold = entry.threshold;
    if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1 || threshold > 100_000)
        fail(where, `'threshold' is '${(0,log/* oneLine */.TN)(String(threshold), 40)}'`, 'Give a whole number from 1 to 100000: the rule fires when the count within window reaches it.');
    rule.threshold = threshold;
    if (entry.window === undefined)
        fail(where, "has no 'window'", 'Give the span the count is taken over, e.g. window: 10m (1m to 24h).');
    rule.windowMs = durationOf(where, 'window', entry.window, 60_000, 86_400_000, 'Give a duration from 1m to 24h, e.g. window: 10m.');
    if (entry.distinct !== undefined)
        rule.distinct = pathOf(where, 'distinct', entry.distinct);
}
function newValueKeys(where, entry, rule) {
    if (entry.value === undefined)
        fail(where, "has no 'value'", 'Give the field whose new values are notified, e.g. value: clientIp.');
    rule.value = pathOf(where, 'value', entry.value);
    if (rule.groupBy.length === 0)
        fail(where, "has no 'group-by'", 'Give whose values are learned, e.g. group-by: userPrincipalName.');
    rule.learnForMs =
        entry['learn-for'] === undefined
            ? 7 * 86_400_000
            : durationOf(where, 'learn-for', entry['learn-for'], 0, 90 * 86_400_000, 'Give a duration from 0s to 90d, e.g. learn-for: 7d (values seen then are learned, not notified).');
    const newGroups = entry['new-groups'] === undefined
        ? 'learn'
        : typeof entry['new-groups'] === 'string'
            ? (0,inputs/* matchAllowed */.wC)(['learn', 'notify'], entry['new-groups'])
            : undefined;
    if (!newGroups)
        fail(where, `'new-groups' is '${(0,log/* oneLine */.TN)(String(entry['new-groups']), 40)}'`, 'Valid values: learn (a group first seen is learned silently), notify (its first value after learn-for is a notice: a dormant account signing in).');
    rule.newGroups = newGroups;
}
function matchKeys(where, entry, rule) {
    if (entry.combine !== undefined && typeof entry.combine !== 'boolean')
        fail(where, "'combine' is not true or false", 'Write combine: false for one notice per record (default true: one per group and window).');
    rule.combine = entry.combine !== false;
    // A match rule combines by user unless told otherwise.
    if (rule.groupBy.length === 0)
        rule.groupBy = [['userPrincipalName']];
}
/** The keys of each rule type, checked after the common ones. */
const TYPE_PARSERS = {
    threshold: thresholdKeys,
    'new-value': newValueKeys,
    match: matchKeys
};
function parseRules(text) {
    if (text.trim() === '')
        return [];
    const names = new Set();
    const entries = (0,list_input/* yamlList */.g)('rules', text, 'rule', EXAMPLE);
    if (entries.length > MAX_RULES)
        fail('', `has ${entries.length} rules`, `Give at most ${MAX_RULES}.`);
    return entries.map((entry, index) => {
        const { where, name, type } = ruleHead(entry, index, names);
        const rule = ruleBase(where, entry, name, type);
        ruleFilters(where, entry, rule);
        TYPE_PARSERS[type](where, entry, rule);
        return rule;
    });
}


/***/ })

};

//# sourceMappingURL=590.index.js.map