import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { transformSync } from 'amaro';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildToTemp, planFromYaml, writeTree } from './helpers.js';

const run = promisify(execFile);

// Regression: an app compiled with plain tsc and an outDir crashed with ERR_MODULE_NOT_FOUND for
// validators.js, which had no .ts twin for tsc to compile into the outDir.
const PLAN = planFromYaml(`sources:
  api: { name: API, sdk: segment-node }
events:
  Order Completed:
    properties:
      total: { type: number, required: true }
      coupon: { type: string, enum: [SPRING, FALL] }
`);

const APP = `import { orderCompleted, setTrackplanOptions } from './generated/tracking.js';
import { validateEvent, type Violation } from './generated/validators.js';

const sent: unknown[] = [];
const seen: Violation[][] = [];
setTrackplanOptions({ client: { track: (message: unknown) => void sent.push(message) } as never, validate: validateEvent, onViolation: (_event, violations) => void seen.push(violations) });
orderCompleted({ userId: 'u1', properties: { total: 5, coupon: 'SPRING' } });
orderCompleted({ userId: 'u2', properties: { total: 'x' as unknown as number } });
console.log(JSON.stringify({ sent: sent.length, violations: seen.map((list) => list.map((v) => v.type)) }));
`;
const EXPECTED = { sent: 2, violations: [['Datatype-Mismatch']] };

async function appDir(): Promise<string> {
  const { dir, files } = await buildToTemp(PLAN);
  // The generated folder inside the app's sources, as users keep it.
  await writeTree(dir, { ...Object.fromEntries([...files].map(([file, text]) => [`src/generated/${file}`, text])), 'src/main.ts': APP });
  return dir;
}

describe('the generated module survives every build tool', () => {
  it('plain tsc with an outDir (strict, declarations on): the compiled app runs', async () => {
    const dir = await appDir();
    const program = ts.createProgram([path.join(dir, 'src/main.ts')], {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true, exactOptionalPropertyTypes: true, noUnusedLocals: true, noUnusedParameters: true, verbatimModuleSyntax: true,
      erasableSyntaxOnly: true, declaration: true, skipLibCheck: true, rootDir: path.join(dir, 'src'), outDir: path.join(dir, 'dist'),
    });
    const result = program.emit();
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const { stdout } = await run(process.execPath, [path.join(dir, 'dist/main.js')]);
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
    expect(await readFile(path.join(dir, 'dist/generated/validators.d.ts'), 'utf8')).toContain('export declare function validateEvent(event: TrackplanEvent): Violation[];');
  });

  it('esbuild bundles the TypeScript app (validators.ts included) and the bundle runs', async () => {
    const dir = await appDir();
    await build({ entryPoints: [path.join(dir, 'src/main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, 'bundle.mjs'), logLevel: 'silent' });
    const { stdout } = await run(process.execPath, [path.join(dir, 'bundle.mjs')]);
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
  });

  it('type stripping as node --experimental-strip-types does it (amaro, strip-only): every generated .ts file strips and runs', async () => {
    const dir = await appDir();
    // Node's strip-types refuses syntax that needs a transform (enums, namespaces, parameter properties).
    const rename = (code: string) => code.replace(/from '\.\/generated\/(\w+)\.js'/g, "from './generated/$1.stripped.mjs'");
    for (const stem of ['tracking', 'validators']) {
      const source = await readFile(path.join(dir, `src/generated/${stem}.ts`), 'utf8');
      await writeFile(path.join(dir, `src/generated/${stem}.stripped.mjs`), transformSync(source, { mode: 'strip-only' }).code);
    }
    await writeFile(path.join(dir, 'src/main.stripped.mjs'), rename(transformSync(APP, { mode: 'strip-only' }).code));
    const { stdout } = await run(process.execPath, [path.join(dir, 'src/main.stripped.mjs')]);
    expect(JSON.parse(stdout)).toEqual(EXPECTED);
  });
});
