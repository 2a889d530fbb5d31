import type { Annotate, Section } from '../core/source-model.js';
import { violationDeclarations } from '../core/violations/types.js';

/** The literal of a string in generated code: JSON quoting is valid JavaScript and TypeScript. */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/** Violations as validators.js reports them; the tracking modules and validators.d.ts both declare them. */
export const VIOLATION_TYPES = `${violationDeclarations()}

/** An event as the generated functions hand it to the SDK (\`type\`, \`event\`, \`properties\`, \`context\`, ...). */
export type TrackplanEvent = Record<string, unknown>;`;

/** What every generated module starts with after its header: plan identity, violations, options. */
export function commonSections(plan: { id: string; version: string }, hasCalls: boolean): Section[] {
  const identity = `{ id: ${literal(plan.id)}, version: ${literal(plan.version)} }`;
  return [
    {
      code: (t) => `/** The plan this module was built from; every event carries it as \`context.trackplan\`. */
export const TRACKPLAN = ${identity}${t(' as const')};`,
      declarations: `/** The plan this module was built from; every event carries it as \`context.trackplan\`. */
export declare const TRACKPLAN: { readonly id: ${literal(plan.id)}; readonly version: ${literal(plan.version)} };`,
    },
    { types: `${VIOLATION_TYPES}

/** Checks an event against the plan: \`validateEvent\` of ./validators.js. */
export type EventValidator = (event: TrackplanEvent) => Violation[];

/** Receives the violations of an event before it is sent (it is sent all the same unless this throws). */
export type ViolationHandler = (event: TrackplanEvent, violations: Violation[]) => void;` },
    {
      code: (t) => `/** What the default \`onViolation\` throws when NODE_ENV is \`test\`. */
export class TrackplanViolationError extends Error {
${t(`  readonly event: TrackplanEvent;
  readonly violations: Violation[];
`)}  constructor(event${t(': TrackplanEvent')}, violations${t(': Violation[]')}) {
    const label = typeof event["event"] === "string" ? event["event"] : String(event["type"]);
    const lines = violations.map((v) => \`\\n  \${v.type}: \${v.message}\`).join("");
    super(\`\${label} does not follow tracking plan \${TRACKPLAN.id}@\${TRACKPLAN.version}:\${lines}\`);
    this.name = "TrackplanViolationError";
    this.event = event;
    this.violations = violations;
  }
}`,
      declarations: `/** What the default \`onViolation\` throws when NODE_ENV is \`test\`. */
export declare class TrackplanViolationError extends Error {
  readonly event: TrackplanEvent;
  readonly violations: Violation[];
  constructor(event: TrackplanEvent, violations: Violation[]);
}`,
    },
    {
      types: `export interface TrackplanOptions {
  /** The SDK instance the events go to. */
  client: TrackplanClient;
  /**
   * Development only: \`validateEvent\` of ./validators.js, which checks every event before it is
   * sent. Leave it out in production, and no validation code is loaded or bundled.
   */
  validate?: EventValidator | undefined;
  /**
   * Gets the violations found by \`validate\`. Default: a console warning, and a thrown
   * \`TrackplanViolationError\` when NODE_ENV is \`test\`.
   */
  onViolation?: ViolationHandler | undefined;
}`,
      // A plan without calls has nothing to send: no helpers, which strict projects would call unused.
      code: (t) => (hasCalls ? `let $options${t(': TrackplanOptions | undefined')};

/** Sets the SDK client of every generated function and, in development, the validator. */
export function setTrackplanOptions(options${t(': TrackplanOptions')})${t(': void')} {
  $options = options;
}

${SEND_SOURCE(t)}` : `/** Sets the SDK client of every generated function and, in development, the validator. */
export function setTrackplanOptions(_options${t(': TrackplanOptions')})${t(': void')} {}`),
      declarations: `/** Sets the SDK client of every generated function and, in development, the validator. */
export declare function setTrackplanOptions(options: TrackplanOptions): void;`,
    },
  ];
}

/** Sends an event through the client, after the development check when there is one. */
const SEND_SOURCE = (t: Annotate) => `function $context(context${t(': Record<string, unknown> | undefined')})${t(': Record<string, unknown>')} {
  return { ...context, trackplan: { id: TRACKPLAN.id, version: TRACKPLAN.version } };
}

function $send(event${t(': TrackplanEvent')}, deliver${t(': (client: TrackplanClient) => unknown')})${t(': void')} {
  const options = $options;
  if (options === undefined) {
    const label = typeof event["event"] === "string" ? event["event"] : String(event["type"]);
    $fail(new Error(\`trackplan: \${label} was not sent: call setTrackplanOptions({ client }) first\`));
    return;
  }
  if (options.validate !== undefined) {
    const violations = options.validate(event);
    if (violations.length > 0) (options.onViolation ?? $onViolation)(event, violations);
  }
  deliver(options.client);
}

function $onViolation(event${t(': TrackplanEvent')}, violations${t(': Violation[]')})${t(': void')} {
  $fail(new TrackplanViolationError(event, violations));
}

// A tracking mistake must never break the app: it warns, except under test where it throws.
// Read through globalThis so the module needs neither DOM nor Node types.
function $fail(error${t(': Error')})${t(': void')} {
  const host = globalThis${t(' as unknown as { process?: { env?: Record<string, string | undefined> }; console?: { warn(...data: unknown[]): void } }')};
  if (host.process?.env?.["NODE_ENV"] === "test") throw error;
  host.console?.warn(\`[trackplan] \${error.message}\`);
}`;
