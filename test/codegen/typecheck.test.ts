import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, buildToTemp, loadFixturePlan, planFromYaml, writeTree } from './helpers.js';

// As strict as projects get: the generated code must compile in any of them.
const STRICT: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  // The SDKs' own declarations have gaps (@rudderstack/analytics-js refers to packages it does not install).
  skipLibCheck: true,
  noEmit: true,
};

// The TypeScript libs and the SDKs' declarations are parsed once for all the programs below, not
// once per program: they never change during the run, and parsing them is most of the work.
const parsed = new Map<string, ts.SourceFile | undefined>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes('/node_modules/')) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const format = typeof languageVersion === 'object' ? `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat}` : String(languageVersion);
    const key = `${format}:${fileName}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return parsed.get(key);
  };
  return host;
}

function compile(dir: string, files: string[], options: ts.CompilerOptions): { file: string; line: number; code: number; text: string }[] {
  const program = ts.createProgram(files.map((f) => path.join(dir, f)), options, cachingHost(options));
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? path.relative(dir, d.file.fileName) : '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

const BROWSER_USE = `import { RudderAnalytics } from "@rudderstack/analytics-js";
import { AnalyticsBrowser } from "@segment/analytics-next";
import { cartViewed, checkoutStarted, group, identify, orderCompleted, page, screen, searchPerformed, setTrackplanOptions, type Violation } from "./tracking.js";
import { validateEvent } from "./validators.js";

// Every real SDK instance fits the client type as it is: no cast.
setTrackplanOptions({ client: new RudderAnalytics(), validate: validateEvent });
setTrackplanOptions({ client: AnalyticsBrowser.load({ writeKey: "key" }) });
const [analytics] = await AnalyticsBrowser.load({ writeKey: "key" });
setTrackplanOptions({ client: analytics, onViolation: (_event, violations: Violation[]) => violations.forEach((v) => v.meta.keyword) });

orderCompleted({ order_id: "o1", total: 12.5, currency: "EUR" });
orderCompleted({ order_id: "o1", total: 0, currency: "USD", coupon: null, items: [{ sku: "A-1", quantity: 2 }], shipping: { method: "next-day" } }, { integrations: { All: false } });
// @ts-expect-error wrong property type: total is a number
orderCompleted({ order_id: "o1", total: "12.5", currency: "EUR" });
// @ts-expect-error missing required property: currency
orderCompleted({ order_id: "o1", total: 1 });
// @ts-expect-error unknown property
orderCompleted({ order_id: "o1", total: 1, currency: "EUR", discount: 2 });
// @ts-expect-error enum: only EUR and USD are planned
orderCompleted({ order_id: "o1", total: 1, currency: "GBP" });
// @ts-expect-error unknown property inside an array item
orderCompleted({ order_id: "o1", total: 1, currency: "EUR", items: [{ sku: "A", quantity: 1, colour: "red" }] });
cartViewed();
cartViewed({});
// @ts-expect-error an event without properties takes none
cartViewed({ anything: 1 });
searchPerformed({ "query text": "shoes", filters: ["red"] });
checkoutStarted({ step: 1 });
identify("u1", { email: "a@example.com", plan: null });
identify(undefined, { email: "a@example.com" });
// @ts-expect-error traits are required: email
identify("u1", {});
page("Home", { path: "/" });
// @ts-expect-error only the planned page names
page("Checkout", { path: "/" });
screen("Settings");
group("g1", { name: "Acme" });
`;

const NODE_USE = `import RudderAnalytics from "@rudderstack/rudder-sdk-node";
import { Analytics } from "@segment/analytics-node";
import { group, identify, orderCompleted, page, screen, setTrackplanOptions, cartViewed } from "./tracking-node.js";
import { validateEvent } from "./validators.js";

setTrackplanOptions({ client: new RudderAnalytics("key", { dataPlaneUrl: "http://127.0.0.1:9" }), validate: validateEvent });
setTrackplanOptions({ client: new Analytics({ writeKey: "key" }) });

orderCompleted({ userId: "u1", properties: { order_id: "o1", total: 1, currency: "EUR" } });
orderCompleted({ anonymousId: "a1", properties: { order_id: "o1", total: 1, currency: "EUR" }, context: { ip: "127.0.0.1" }, timestamp: new Date() });
// @ts-expect-error a userId or an anonymousId is required
orderCompleted({ properties: { order_id: "o1", total: 1, currency: "EUR" } });
// @ts-expect-error wrong property type
orderCompleted({ userId: "u1", properties: { order_id: 1, total: 1, currency: "EUR" } });
// @ts-expect-error missing required property
orderCompleted({ userId: "u1", properties: { total: 1, currency: "EUR" } });
// @ts-expect-error unknown property
orderCompleted({ userId: "u1", properties: { order_id: "o1", total: 1, currency: "EUR", discount: 2 } });
cartViewed({ userId: "u1" });
identify({ userId: "u1", traits: { email: "a@example.com" } });
page({ anonymousId: "a1", name: "Product", properties: { path: "/p/1" } });
screen({ userId: "u1", name: "Settings" });
group({ userId: "u1", groupId: "g1", traits: { name: "Acme" } });
`;

// Without the directives: each line must fail with exactly the expected error.
const NEGATIVE = `import { orderCompleted } from "./tracking.js";
orderCompleted({ order_id: "o1", total: "12.5", currency: "EUR" });
orderCompleted({ order_id: "o1", total: 1 });
orderCompleted({ order_id: "o1", total: 1, currency: "EUR", discount: 2 });
`;

// JavaScript users get tracking.js with tracking.d.ts: the declarations must type the same module.
const DECLARATIONS_MATCH = `import type * as Source from "./tracking.js";
import type * as Declared from "./js/tracking.js";
export const toDeclared: typeof Declared = {} as typeof Source;
export const toSource: typeof Source = {} as typeof Declared;
`;

describe('generated TypeScript against the real SDK type definitions', async () => {
  const plan = await loadFixturePlan();
  const { dir } = await buildToTemp(plan, {
    'browser-use.ts': BROWSER_USE, 'node-use.ts': NODE_USE, 'negative.ts': NEGATIVE, 'declarations-match.ts': DECLARATIONS_MATCH,
  });
  await mkdir(path.join(dir, 'js'));
  await copyFile(path.join(dir, 'tracking.js'), path.join(dir, 'js/tracking.js'));
  await copyFile(path.join(dir, 'tracking.d.ts'), path.join(dir, 'js/tracking.d.ts'));

  it('compiles strictly with all four SDKs; every @ts-expect-error is used', () => {
    const diagnostics = compile(dir, ['browser-use.ts', 'node-use.ts', 'declarations-match.ts'], { ...STRICT, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: ['node'] });
    expect(diagnostics).toEqual([]);
  });

  it('rejects a wrong type, a missing required property and an unknown property', () => {
    const diagnostics = compile(dir, ['negative.ts'], { ...STRICT, lib: ['lib.es2022.d.ts'], types: [] });
    expect(diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['negative.ts', 2, 2322],
      ['negative.ts', 3, 2345],
      ['negative.ts', 4, 2353],
    ]);
    expect(diagnostics[2]!.text).toContain("'discount' does not exist in type 'OrderCompletedProperties'");
  });

  it('needs neither DOM nor Node types', async () => {
    await writeTree(dir, { 'bare.ts': 'import "./tracking.js";\nimport "./tracking-node.js";\nimport "./validators.js";\n' });
    expect(compile(dir, ['bare.ts'], { ...STRICT, lib: ['lib.es2022.d.ts'], types: [] })).toEqual([]);
  });
});

describe('the example app against the committed generated/ build', () => {
  it('compiles strictly: examples/app/src/app uses only the generated functions, correctly', async () => {
    const dir = path.join(ROOT, 'examples/app/src/app');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    const diagnostics = compile(dir, files, { ...STRICT, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] });
    expect(diagnostics).toEqual([]);
  });
});

describe('generated code of partial plans compiles with noUnusedLocals', () => {
  const sources = 'sources:\n  web: { name: Web, sdk: segment-js }\n  api: { name: API, sdk: segment-node }\n';
  const header = `trackplan: 1\nid: partial\nname: Partial\nversion: 0.1.0\n${sources}`;
  const plans: [string, string][] = [
    ['no calls at all', ''],
    ['only identify', 'identify:\n  traits:\n    email: { type: string }\n'],
    ['only track events', 'events:\n  Signed Up: {}\n'],
    ['only page and screen with planned names', 'page: { names: [Home], properties: {} }\nscreen: { names: [Settings], properties: {} }\n'],
  ];
  it.each(plans)('%s', async (_name, body) => {
    const { dir } = await buildToTemp(planFromYaml(body, header));
    await writeTree(dir, { 'use.ts': 'import "./tracking.js";\nimport "./tracking-node.js";\n' });
    expect(compile(dir, ['use.ts', 'tracking.ts', 'tracking-node.ts'], { ...STRICT, lib: ['lib.es2022.d.ts'], types: [] })).toEqual([]);
  });
});
