// The monorepo case of bench/lint: npm workspaces, one tsconfig per package extending a shared
// base that leaves `jsx` unset, `paths` aliases (`@/*` to the package's own src, `@bench/shared/*`
// across packages), and event names held in enums of `.tsx` files. A share of the files send
// analytics calls; half of those calls name the event by an imported enum member, which only the
// type checker of the file's own package can resolve.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGES = ['shared', 'web', 'dash', 'admin', 'server'];

/**
 * Writes the monorepo under `dir`: `files` source files spread over PACKAGES, `share` of them with
 * calls. `sourceFile(n, server, calls, events)` writes the ordinary code of a file without calls.
 */
export function generateMonorepo(dir, { files, share, events, sourceFile }) {
  rmSync(dir, { recursive: true, force: true });
  const write = (relative, text) => {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  const web = PACKAGES.filter((p) => p !== 'server').map((p) => `packages/${p}/**`);
  write('package.json', JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['packages/*'] }, null, 2));
  write('plans/plan.yaml', [
    'trackplan: 1', 'id: bench-monorepo', 'name: Bench monorepo', 'version: 1.0.0',
    'sources:', `  web: { name: Web, sdk: rudderstack-js, paths: [${web.join(', ')}] }`, '  server: { name: Server, sdk: rudderstack-node, paths: [packages/server/**] }',
    'lint:', '  calls:', '    - callee: track', '',
  ].join('\n'));
  write('plans/events.yaml', ['events:', ...events.flatMap((e) => [
    `  ${e}:`, '    sources: [web, server]', '    properties:',
    '      item_id: { type: string, required: true }', '      count: { type: integer, minimum: 0 }', '      plan: { type: string, enum: [free, pro, enterprise] }',
  ])].join('\n'));
  // A solution-style root config, as turborepo and `tsc -b` layouts have it.
  write('tsconfig.json', JSON.stringify({ files: [], references: PACKAGES.map((p) => ({ path: `./packages/${p}` })) }, null, 2));
  write('tsconfig.base.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, skipLibCheck: true, types: [] } }, null, 2));
  const enumOf = (name) => `export enum ${name} {\n${events.map((e, i) => `  E${i} = '${e}',`).join('\n')}\n}\nexport const Badge = (props: { label: string }) => <span>{props.label}</span>;\n`;
  const perPackage = Math.floor(files / PACKAGES.length);
  let calls = 0;
  let withCalls = 0;
  PACKAGES.forEach((name, p) => {
    write(`packages/${name}/package.json`, JSON.stringify({ name: `@bench/${name}`, version: '1.0.0', private: true }, null, 2));
    write(`packages/${name}/tsconfig.json`, JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { paths: { '@/*': ['./src/*'], '@bench/shared/*': ['../shared/src/*'] } },
      include: ['src'],
    }, null, 2));
    write(`packages/${name}/src/consts/events.tsx`, enumOf(name === 'shared' ? 'SharedEvent' : 'AppEvent'));
    if (name === 'server') write('packages/server/src/client.ts', `import Analytics from '@rudderstack/rudder-sdk-node';\nexport const rudder = new Analytics('write-key', { dataPlaneUrl: 'http://127.0.0.1:8088' });\n`);
    const every = Math.max(1, Math.round(1 / share));
    // Every package holds perPackage files: its enums' .tsx file (and the server's client), then modules.
    for (let f = name === 'server' ? 2 : 1; f < perPackage; f++) {
      const n = p * perPackage + f;
      const server = name === 'server';
      if (f % every !== 0) {
        write(`packages/${name}/src/modules/module_${n}.ts`, sourceFile(n, server, 0, events));
        continue;
      }
      const sites = Array.from({ length: 3 }, (_, i) => callSite(n, i, name, events));
      calls += sites.length;
      withCalls++;
      write(`packages/${name}/src/modules/module_${n}.ts`, withSites(sourceFile(n, server, 0, events), n, name, sites));
    }
  });
  return { dir, files: perPackage * PACKAGES.length, calls, withCalls };
}

/** A file of ordinary code with the call sites at the end, and the imports they need at the top. */
function withSites(text, n, pkg, sites) {
  const imports = [
    pkg === 'shared' ? `import { SharedEvent } from '@/consts/events';` : `import { AppEvent } from '@/consts/events';`,
    pkg === 'shared' ? '' : `import { SharedEvent } from '@bench/shared/consts/events';`,
    pkg === 'server' ? `import { rudder } from '@/client';` : `declare const analytics: { track(event: string, properties?: object): void };`,
    `declare function track(event: string, properties?: object): void;`,
    `const LOCAL_EVENT_${n} = 'feature_${n % 40}_used';`,
  ].filter(Boolean);
  const body = sites.map((site, i) => `export function report${n}_${i}(itemId: string): void {\n  ${site}\n}\n`).join('\n');
  return `${imports.join('\n')}\n${text}\n${body}`;
}

/** One in two names an imported enum member (the checker's job); one in seven is wrong on purpose. */
function callSite(n, i, pkg, events) {
  const k = n * 3 + i;
  const wrong = k % 7 === 0;
  const props = wrong ? `{ item_id: 42, plan: 'gold' }` : `{ item_id: itemId, count: ${k % 50}, plan: 'pro' }`;
  const enumName = pkg === 'shared' || Math.floor(k / 4) % 2 === 1 ? 'SharedEvent' : 'AppEvent';
  const name = [`${enumName}.E${k % events.length}`, `'${events[k % events.length]}'`, `LOCAL_EVENT_${n}`, `${enumName}.E${(k + 1) % events.length}`][k % 4];
  if (pkg === 'server') return `rudder.track({ userId: itemId, event: ${name}, properties: ${props} });`;
  return k % 3 === 0 ? `track(${name}, ${props});` : `analytics.track(${name}, ${props});`;
}
