/**
 * Typed access to the unknown-value machinery of @pulumi/policy. The SDK marks these exports
 * `@internal` (its proxy.d.ts declares nothing), but they are what the analyzer really uses:
 * the engine sends unknown values as sentinel strings, and `unknownCheckingProxy` throws
 * `UnknownValueError` when a policy reads one. Reading them from the installed SDK keeps our
 * rules and the offline runner in step with whatever version is locked.
 */
import * as proxyModule from "@pulumi/policy/proxy";

interface SdkProxyModule {
    unknownCheckingProxy<T extends object>(value: T): T;
    UnknownValueError: new (sentinel: string, props: PropertyKey[]) => Error;
    getSpecialProxyTarget: string;
    isSpecialProxy: string;
    unknownBooleanValue: string;
    unknownNumberValue: string;
    unknownStringValue: string;
    unknownArrayValue: string;
    unknownAssetValue: string;
    unknownArchiveValue: string;
    unknownObjectValue: string;
}

const sdk = proxyModule as unknown as SdkProxyModule;

/** Wraps resource properties exactly as the analyzer does before calling a policy. */
export const unknownCheckingProxy = sdk.unknownCheckingProxy;

/** The error the SDK's proxy throws when a policy reads an unknown value. */
export const UnknownValueError = sdk.UnknownValueError;

/** The sentinel the engine (and `pulumi preview --json`) uses for an unknown string. */
export const UNKNOWN_STRING_SENTINEL = sdk.unknownStringValue;

/** Every sentinel the SDK treats as "unknown during preview". */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    sdk.unknownBooleanValue,
    sdk.unknownNumberValue,
    sdk.unknownStringValue,
    sdk.unknownArrayValue,
    sdk.unknownAssetValue,
    sdk.unknownArchiveValue,
    sdk.unknownObjectValue,
]);

/** Returns the object behind an SDK proxy, or the value itself when it is not proxied. */
export function proxyTarget(value: unknown): unknown {
    if (value !== null && typeof value === "object") {
        const target: unknown = (value as Record<string, unknown>)[sdk.getSpecialProxyTarget];
        if (target !== undefined) return target;
    }
    return value;
}
