/** Recognises credentials written in plain text into environment variables. */
import { isUnknown, type PropertyValue } from "./property-values";

/** Names that hold a credential, unless they merely point at one (`*_ARN`, `*_SECRET_ID`, `*_NAME`). */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
const REFERENCE_NAME = /(_ARN|_ID|_NAME|_PARAM|_PARAMETER|_PATH|_URL)$/i;
/** AWS access key ids and the shape of a secret access key. */
const SECRET_VALUE = /^(AKIA|ASIA)[0-9A-Z]{16}$|^[A-Za-z0-9/+]{40}$/;

/** Why `name=value` looks like a plain-text secret, or undefined when it does not. */
export function plaintextSecretReason(name: string, value: PropertyValue | undefined): string | undefined {
    if (typeof value === "string" && SECRET_VALUE.test(value)) return `the value of ${name} looks like an AWS credential`;
    // A value unknown during preview is computed from a resource (an ARN, a name), not typed in.
    if (isUnknown(value)) return undefined;
    if (SECRET_NAME.test(name) && !REFERENCE_NAME.test(name)) return `${name} holds a credential in plain text`;
    return undefined;
}
