import { strict as assert } from "node:assert";
import { planOf, plannedStacks } from "./plans";

describe("alarms", () => {
    for (const stack of plannedStacks) {
        it(`no alarm in ${stack} treats missing data as fine, so an alarm on a metric that never arrives shows INSUFFICIENT_DATA`, () => {
            const alarms = planOf(stack).resources.filter((resource) => resource.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
            assert.ok(alarms.length > 0);
            for (const alarm of alarms) assert.notEqual(alarm.inputs["treatMissingData"], "notBreaching", alarm.name);
        });
    }
});
