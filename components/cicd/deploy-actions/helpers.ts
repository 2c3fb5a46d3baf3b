/** Helpers for the per-domain deploy action tables. */

export const ec2Describe = (...names: string[]): string[] => names.map((name) => `ec2:Describe${name}`);
export const glueTags = ["glue:GetTags", "glue:TagResource", "glue:UntagResource"];
