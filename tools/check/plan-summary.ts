import type { PlannedResource } from "../../harness/evaluate";

function table(rows: readonly (readonly string[])[]): string {
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    return rows
        .map((row) =>
            row
                .map((cell, column) => cell.padEnd(widths[column]))
                .join("  ")
                .trimEnd(),
        )
        .join("\n");
}

/** Human-readable plan: resources by type, what is protected or retained, and the stack outputs. */
export function formatPlanSummary(stack: string, resources: readonly PlannedResource[], outputs: Record<string, unknown>): string {
    const custom = resources.filter((resource) => resource.custom);
    const counts = new Map<string, number>();
    for (const resource of resources) counts.set(resource.type, (counts.get(resource.type) ?? 0) + 1);
    const byType = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => [String(count), type]);
    const guarded = custom.filter((resource) => resource.protect || resource.retainOnDelete);
    const guardRows = guarded.map((resource) => [
        resource.protect ? "protect" : "",
        resource.retainOnDelete ? "retainOnDelete" : "",
        resource.name,
        resource.type,
    ]);
    const lines = [
        `Plan for stack "${stack}": ${resources.length} resources (${custom.length} AWS resources, ${resources.length - custom.length} components)`,
        "",
        "Resources by type:",
        table([["count", "type"], ...byType]).replace(/^/gm, "  "),
        "",
        `Protected or retained on delete: ${guarded.length}`,
        ...(guarded.length > 0 ? [table([["protect", "retain", "name", "type"], ...guardRows]).replace(/^/gm, "  ")] : []),
        "",
        "Stack outputs:",
        ...Object.entries(outputs).map(([key, value]) => `  ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`),
    ];
    return lines.join("\n");
}
