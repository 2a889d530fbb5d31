import { VIOLATION_MESSAGES } from '../core/violations/messages.js';
import { literal } from './module-common.js';

/** ajv keywords RudderStack reports as `Advance-Rules-Violation` (as the runtime validator does). */
const ADVANCED_RULES = [
  'enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties',
];

const USED_MESSAGES = [
  'unplannedEvent', 'unplannedName', 'missingName', 'additionalProperty', 'requiredMissing', 'datatypeMismatch',
  'rule', 'notObject', 'missingType', 'unknownType', 'missingEvent', 'invalidEvent',
] as const;

export interface PlannedValidator {
  /** `track:<event name>` or the call type. */
  key: string;
  place: 'properties' | 'traits' | 'context.traits';
  /** Page/screen: planned names, else null. */
  names: string[] | null;
  /** The data schema's `required`, in its order. */
  required: string[];
  /** Planned properties in schema order, each with the standalone function validating its value. */
  properties: [string, string][];
  /** True when unplanned properties are allowed. */
  open: boolean;
}

/**
 * The part of validators.js that turns ajv errors into violations. It follows the runtime
 * validator (src/runtime/validator.ts, ajv-violations.ts) step by step and uses its messages, so
 * that an event gets the same violations in development as at the collection endpoint.
 */
export function validateEventSource(planLabel: string, planned: readonly PlannedValidator[]): string {
  return [plannedTable(planLabel, planned), VALIDATE_EVENT, AJV_ERRORS_TO_VIOLATIONS, HELPERS].join('\n\n');
}

/** The data of validators.js: the plan, the messages it uses, and per planned call its section, names, required and properties. */
function plannedTable(planLabel: string, planned: readonly PlannedValidator[]): string {
  const messages = Object.fromEntries(USED_MESSAGES.map((id) => [id, VIOLATION_MESSAGES[id]]));
  const entries = planned.map((p) => {
    const properties = p.properties.map(([name, validate]) => `[${literal(name)}, ${validate}]`).join(', ');
    return `  [${literal(p.key)}, [${literal(p.place)}, ${JSON.stringify(p.names)}, ${JSON.stringify(p.required)}, [${properties}], ${p.open}]],`;
  });
  return `const $plan = ${literal(planLabel)};
const $messages = ${JSON.stringify(messages, null, 2)};
const $places = {
  properties: ["/properties", "properties", "#/properties/properties"],
  traits: ["/traits", "traits", "#/properties/traits"],
  "context.traits": ["/context/traits", "context.traits", "#/properties/context/properties/traits"],
};
const $hasOwn = Object.prototype.hasOwnProperty;
const $advanced = new Set(${JSON.stringify(ADVANCED_RULES)});
const $planned = new Map([
${entries.join('\n')}
]);`;
}

/** The exported function: what kind of message it is and which planned call it stands for. */
const VALIDATE_EVENT = `/**
 * Checks an event (\`{ type, event, properties, ... }\`) against the plan and returns its
 * violations, an empty list when it follows the plan.
 */
export function validateEvent(event) {
  if (event === null || typeof event !== "object" || Array.isArray(event)) return [$malformed("notObject", "", { actual: $jsonType(event) })];
  const type = event.type;
  if (type === undefined) return [$malformed("missingType", "/type")];
  const violations = [];
  let planned;
  if (type === "track") {
    const name = event.event;
    if (name === undefined) return [$malformed("missingEvent", "/event")];
    if (typeof name !== "string" || name === "") return [$malformed("invalidEvent", "/event", { actual: name === "" ? "an empty string" : $jsonType(name) })];
    planned = $planned.get("track:" + name);
    if (planned === undefined) {
      return [{ type: "Unplanned-Event", message: $format("unplannedEvent", { event: name, plan: $plan }), meta: { instancePath: "/event", schemaPath: "", keyword: "unplanned" } }];
    }
  } else if (type === "identify" || type === "page" || type === "screen" || type === "group") {
    planned = $planned.get(type);
    if (planned === undefined) return [];
    const names = planned[1];
    const name = typeof event.name === "string" ? event.name : undefined;
    if (names !== null && (name === undefined || !names.includes(name))) violations.push($unplannedName(type, name, names));
  } else if (type === "alias") {
    return [];
  } else {
    return [$malformed("unknownType", "/type", { actual: typeof type === "string" ? JSON.stringify(type.length > 60 ? type.slice(0, 60) + "\\u2026" : type) : $jsonType(type) })];
  }
  const [section, , required, properties, open] = planned;
  const data = $readData(event, section) ?? {};
  violations.push(...$violations($validateData(data, required, properties, open), data, $places[section]));
  return violations;
}`;

/** The object level of the data, then ajv's errors as violations, as the runtime makes them. */
const AJV_ERRORS_TO_VIOLATIONS = `// The object level of a data schema, as ajv's code for it checks (allErrors, ownProperties):
// type, then required, then unplanned properties, then each planned property's own validator.
function $validateData(data, required, properties, open) {
  if (!(data && typeof data === "object" && !Array.isArray(data))) {
    return [{ instancePath: "", schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
  }
  const errors = [];
  for (const name of required) {
    if (data[name] === undefined || !$hasOwn.call(data, name)) {
      errors.push({ instancePath: "", schemaPath: "#/required", keyword: "required", params: { missingProperty: name }, message: "must have required property '" + name + "'" });
    }
  }
  if (!open) {
    for (const key of Object.keys(data)) {
      if (!properties.some(([name]) => name === key)) {
        errors.push({ instancePath: "", schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key }, message: "must NOT have additional properties" });
      }
    }
  }
  for (const [name, validate] of properties) {
    if (data[name] === undefined || !$hasOwn.call(data, name)) continue;
    const pointer = name.replace(/~/g, "~0").replace(/\\//g, "~1");
    if (validate(data[name], { instancePath: "/" + pointer, parentData: data, parentDataProperty: name, rootData: data })) continue;
    const schemaPath = "#/properties/" + encodeURIComponent(pointer);
    for (const error of validate.errors) errors.push({ ...error, schemaPath: schemaPath + error.schemaPath.slice(1) });
  }
  return errors;
}

function $violations(errors, data, place) {
  return errors.map((error) => {
    const segments = $parsePointer(error.instancePath);
    const meta = { instancePath: place[0] + error.instancePath, schemaPath: place[2] + error.schemaPath.slice(1), keyword: error.keyword };
    const params = error.params;
    if (error.keyword === "required" || error.keyword === "additionalProperties") {
      const required = error.keyword === "required";
      const path = [...segments, String(required ? params.missingProperty : params.additionalProperty)];
      return {
        type: required ? "Required-Missing" : "Additional-Properties",
        property: path.join("."),
        message: $format(required ? "requiredMissing" : "additionalProperty", { path: $dotted(place, path) }),
        meta,
      };
    }
    const property = segments.length > 0 ? { property: segments.join(".") } : {};
    const path = $dotted(place, segments);
    if (error.keyword === "type") {
      const expected = String(params.type).split(",").join(" or ");
      const actual = $jsonType($valueAt(data, segments));
      return { type: "Datatype-Mismatch", ...property, message: $format("datatypeMismatch", { path, expected, actual }), meta };
    }
    let detail = error.message ?? error.keyword;
    if (error.keyword === "enum" && Array.isArray(params.allowedValues)) detail += ": " + params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
    const type = $advanced.has(error.keyword) ? "Advance-Rules-Violation" : "Unknown-Violation";
    return { type, ...property, message: $format("rule", { path, detail }), meta };
  });
}`;

/** Small helpers: messages, paths and JSON types. */
const HELPERS = `function $unplannedName(call, name, names) {
  const planned = [...names].sort().join(", ");
  if (name === undefined) {
    return { type: "Required-Missing", message: $format("missingName", { call, plan: $plan, names: planned }), meta: { instancePath: "", schemaPath: "#/required", keyword: "required" } };
  }
  return { type: "Unplanned-Event", message: $format("unplannedName", { call, event: name, plan: $plan, names: planned }), meta: { instancePath: "/name", schemaPath: "#/properties/name/enum", keyword: "enum" } };
}

function $malformed(id, instancePath, data = {}) {
  return { type: "Malformed-Event", message: $format(id, data), meta: { instancePath, schemaPath: "", keyword: id } };
}

function $readData(event, section) {
  if (section !== "context.traits") return event[section];
  const context = event.context;
  return context !== null && typeof context === "object" ? context.traits : undefined;
}

function $format(id, data) {
  return $messages[id].replace(/\\{(\\w+)\\}/g, (whole, key) => (key in data ? String(data[key]) : whole));
}

function $dotted(place, segments) {
  return segments.length === 0 ? place[1] : place[1] + "." + segments.join(".");
}

function $parsePointer(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function $valueAt(data, segments) {
  let node = data;
  for (const segment of segments) {
    if (node === null || typeof node !== "object" || !$hasOwn.call(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

function $jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value;
}`;
