/**
 * Where a bucket's bytes sit, by storage class, after a lifecycle configuration has worked on a
 * steady daily inflow for a given number of days: the way S3 bills it, with the minimum storage
 * durations of Standard-IA (30 days) and Glacier Flexible Retrieval (90 days), Glacier's per-object
 * index overhead, the 128 KB minimum object size below which lifecycle does not transition, and
 * expired current versions kept as noncurrent versions until their own expiration.
 */

export const daysPerMonth = 365 / 12;

export type StorageClass = "STANDARD" | "STANDARD_IA" | "GLACIER";

/** S3's minimum storage durations: an object deleted sooner is billed as if it had stayed. */
const minimumDays: Readonly<Record<StorageClass, number>> = { STANDARD: 0, STANDARD_IA: 30, GLACIER: 90 };

/** Glacier Flexible Retrieval keeps 32 KB of index per object at its own rate and 8 KB of metadata at the Standard rate. */
const glacierIndexKb = 32;
const glacierMetadataKb = 8;

/** Lifecycle's default since September 2024: objects under 128 KB are not transitioned to any class. */
export const transitionMinimumKb = 128;

export type TransitionMinimumObjectSize = "all_storage_classes_128K" | "varies_by_storage_class";

export interface LifecyclePolicy {
    /** Transitions of current versions, by age in days. */
    readonly transitions: readonly { readonly days: number; readonly storageClass: StorageClass }[];
    /** Age at which current versions expire; undefined = never. */
    readonly expirationDays?: number;
    /** Days an expired (now noncurrent) version is kept; undefined = the bucket keeps none. */
    readonly noncurrentDays?: number;
    readonly minimumObjectSize: TransitionMinimumObjectSize;
}

export interface Inflow {
    readonly gbPerDay: number;
    readonly objectKb: number;
}

export interface ClassStorage {
    readonly storageClass: StorageClass;
    /** Average billable GB in the class, minimum durations and overheads included. */
    readonly gb: number;
    /** How the figure arises, for the report's assumption column. */
    readonly explanation: string;
}

export interface LifecycleOutcome {
    readonly storage: readonly ClassStorage[];
    /** Objects per month entering each class by a lifecycle transition (billed per 1,000). */
    readonly transitionsPerMonth: Partial<Record<StorageClass, number>>;
    /** The classes the objects actually pass through, with their age windows (days). */
    readonly phases: readonly { readonly storageClass: StorageClass; readonly from: number; readonly to: number }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const knownClasses: readonly string[] = ["STANDARD_IA", "GLACIER"];

/**
 * The policy that governs a bucket's data files, from the `rules` of its planned
 * `aws:s3/bucketLifecycleConfiguration`: the enabled rule that tiers or expires current versions
 * (the per-prefix rules of one bucket carry the same days), and the noncurrent-version expiration.
 */
export function lifecyclePolicyOf(rules: unknown, minimumObjectSize: unknown): LifecyclePolicy {
    const enabled = (Array.isArray(rules) ? rules : []).filter(
        (rule): rule is Record<string, unknown> => isRecord(rule) && rule["status"] === "Enabled",
    );
    const tiering = enabled.find((rule) => Array.isArray(rule["transitions"]) || isRecord(rule["expiration"]));
    const transitions = (Array.isArray(tiering?.["transitions"]) ? tiering["transitions"] : [])
        .filter(
            (transition): transition is Record<string, unknown> =>
                isRecord(transition) && knownClasses.includes(String(transition["storageClass"])),
        )
        .map((transition) => ({ days: Number(transition["days"]), storageClass: transition["storageClass"] as StorageClass }))
        .sort((a, b) => a.days - b.days);
    const expiration = isRecord(tiering?.["expiration"]) ? Number(tiering["expiration"]["days"]) : undefined;
    const noncurrent = enabled.map((rule) => rule["noncurrentVersionExpiration"]).find(isRecord);
    return {
        transitions,
        ...(expiration ? { expirationDays: expiration } : {}),
        ...(noncurrent ? { noncurrentDays: Number(noncurrent["noncurrentDays"]) } : {}),
        minimumObjectSize: minimumObjectSize === "varies_by_storage_class" ? "varies_by_storage_class" : "all_storage_classes_128K",
    };
}

/** Whether lifecycle moves an object of this size into the class. */
function transitions(storageClass: StorageClass, objectKb: number, rule: TransitionMinimumObjectSize): boolean {
    if (objectKb >= transitionMinimumKb) return true;
    // The older rule still moved small objects to Glacier, never to Standard-IA.
    return rule === "varies_by_storage_class" && storageClass === "GLACIER";
}

const round = (value: number): string => String(Math.round(value * 10) / 10);

/** Storage by class `horizonDays` after the inflow began (the month the report prices ends then). */
export function storageAfter(policy: LifecyclePolicy, inflow: Inflow, horizonDays: number): LifecycleOutcome {
    const deletedAt = policy.expirationDays !== undefined ? policy.expirationDays + (policy.noncurrentDays ?? 0) : Infinity;
    const starts: { storageClass: StorageClass; from: number }[] = [{ storageClass: "STANDARD", from: 0 }];
    for (const transition of policy.transitions) {
        // Transitions apply to current versions only: none after expiration.
        if (policy.expirationDays !== undefined && transition.days >= policy.expirationDays) continue;
        if (transitions(transition.storageClass, inflow.objectKb, policy.minimumObjectSize))
            starts.push({ ...transition, from: transition.days });
    }
    const phases = starts.map((start, index) => ({ ...start, to: starts[index + 1]?.from ?? deletedAt }));
    const objectsPerDay = (inflow.gbPerDay * 1024 * 1024) / inflow.objectKb;

    const gbByClass = new Map<StorageClass, { gb: number; notes: string[] }>();
    const add = (storageClass: StorageClass, gb: number, note: string): void => {
        const entry = gbByClass.get(storageClass) ?? { gb: 0, notes: [] };
        gbByClass.set(storageClass, { gb: entry.gb + gb, notes: [...entry.notes, note] });
    };
    const transitionsPerMonth: Partial<Record<StorageClass, number>> = {};
    for (const [index, phase] of phases.entries()) {
        const resident = Math.max(0, Math.min(phase.to, horizonDays) - phase.from);
        if (resident <= 0) continue;
        const last = index === phases.length - 1;
        const stay = phase.to - phase.from;
        // Objects deleted before the class's minimum are billed for the rest of it.
        const earlyDays =
            last && phase.to <= horizonDays && stay < minimumDays[phase.storageClass] ? minimumDays[phase.storageClass] - stay : 0;
        const window = phase.to === Infinity ? `day ${phase.from} on` : `days ${phase.from}-${phase.to}`;
        add(
            phase.storageClass,
            inflow.gbPerDay * (resident + earlyDays),
            `${window}${earlyDays > 0 ? ` + ${round(earlyDays)} days' minimum-duration charge` : ""}`,
        );
        if (phase.storageClass === "GLACIER") {
            const kbToGb = (kb: number) => (objectsPerDay * resident * kb) / (1024 * 1024);
            add("GLACIER", kbToGb(glacierIndexKb), `${glacierIndexKb} KB index per object`);
            add("STANDARD", kbToGb(glacierMetadataKb), `${glacierMetadataKb} KB per Glacier object`);
        }
        if (index > 0) transitionsPerMonth[phase.storageClass] = objectsPerDay * daysPerMonth;
    }
    const storage = [...gbByClass.entries()].map(([storageClass, { gb, notes }]) => ({ storageClass, gb, explanation: notes.join(", ") }));
    return { storage, transitionsPerMonth, phases };
}
