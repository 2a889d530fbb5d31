import { InteropInputError } from '../errors.js';
import { parseJsonInput, type JsonInput } from '../json-input.js';
import { refuseOtherFormat } from '../sniff.js';
import type { InputFile } from '../types.js';
import type { WarningSink } from '../warnings.js';
import { IGLU_NAME, IGLU_VENDOR, parseSchemaVer, type SchemaVer } from './schemaver.js';

/** One self-describing schema of the input. */
export interface IgluSchema {
  input: JsonInput;
  /** JSON pointer of the schema in its file (`''`, `/eventSchemas/0`, `/data` of an NDJSON line). */
  pointer: string;
  vendor: string;
  name: string;
  version: SchemaVer;
  versionText: string;
  schema: Record<string, unknown>;
}

/** `.../schemas/<vendor>/<name>/jsonschema/<M-R-A>`: a file the registry layout says is a schema. */
const LAYOUT = /(?:^|\/)([^/]+)\/([^/]+)\/jsonschema\/(\d+-\d+-\d+)$/;

/**
 * The self-describing schemas among the inputs. A file in the registry layout (or named on its
 * own) must be one: anything else is an input error. Other files of a registry folder (a README,
 * a layout listing) are skipped with a warning.
 */
export function readIgluSchemas(files: readonly InputFile[], sink: WarningSink): IgluSchema[] {
  const out: IgluSchema[] = [];
  const strict = files.length === 1;
  for (const file of files) {
    const layout = LAYOUT.exec(file.path);
    if (!layout && !strict && !/\.json$/i.test(file.path)) {
      sink.warn('skipped', { file: file.path, line: 1, column: 1, endLine: 1, endColumn: 1 }, { pointer: file.path, what: 'this file', reason: 'it is not in the registry layout schemas/<vendor>/<name>/jsonschema/<M-R-A> and not a .json file' });
      continue;
    }
    if (/\.ndjson$/i.test(file.path)) {
      out.push(...readNdjson(file));
      continue;
    }
    const input = parseJsonInput(file);
    const data = input.data as Record<string, unknown> | null;
    // Avo's "Snowplow Schemas" export: { eventSchemas: [...], contextSchemas: [...] }.
    if (!layout && data && typeof data === 'object' && (Array.isArray(data['eventSchemas']) || Array.isArray(data['contextSchemas']))) {
      for (const key of ['eventSchemas', 'contextSchemas']) {
        const list = Array.isArray(data[key]) ? (data[key] as unknown[]) : [];
        list.forEach((item, i) => out.push(readSchema(input, null, `/${key}/${i}`, item)));
      }
      continue;
    }
    out.push(readSchema(input, layout));
  }
  if (out.length === 0) throw new InteropInputError(files[0]?.path ?? '<input>', 'no Iglu self-describing schema found (expected files at schemas/<vendor>/<name>/jsonschema/<M-R-A>)');
  return out;
}

/** NDJSON of self-describing JSON `{schema: "iglu:...", data: <self-describing schema>}`, one per line. */
function readNdjson(file: InputFile): IgluSchema[] {
  const out: IgluSchema[] = [];
  file.text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const inner = parseJsonInput({ path: `${file.path}:${index + 1}`, text: line });
    // Locations point into the NDJSON file: the line's own positions, moved to its line.
    const input: JsonInput = {
      file: file.path, data: inner.data,
      locate: (pointer) => ({ ...inner.locate(pointer), file: file.path, line: index + 1, endLine: index + 1 }),
    };
    const envelope = inner.data as Record<string, unknown> | null;
    if (!envelope || typeof envelope !== 'object' || !('data' in envelope)) {
      throw new InteropInputError(`${file.path}:${index + 1}`, 'not a self-describing JSON line: expected {"schema": "iglu:...", "data": <schema>}');
    }
    out.push(readSchema(input, null, '/data', envelope['data']));
  });
  return out;
}

/** One self-describing schema: `data` is the value at `base` in the input. */
function readSchema(input: JsonInput, layout: RegExpExecArray | null, base = '', data: unknown = input.data): IgluSchema {
  const where = (pointer: string) => {
    const at = input.locate(base + pointer);
    return `${at.file}:${at.line}:${at.column}`;
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InteropInputError(where(''), 'not an Iglu schema: expected a JSON object with a "self" section');
  const schema = data as Record<string, unknown>;
  const self = schema['self'];
  if (self === undefined) refuseOtherFormat(data, input.file, 'iglu');
  if (self === null || typeof self !== 'object' || Array.isArray(self)) throw new InteropInputError(where(''), 'not an Iglu self-describing schema: "self" {vendor, name, format, version} is missing');
  const { vendor, name, format, version } = self as Record<string, unknown>;
  const check = (ok: boolean, key: string, expected: string, found: unknown) => {
    if (!ok) throw new InteropInputError(where(`/self/${key}`), `self.${key}: expected ${expected}, found ${JSON.stringify(found)}`);
  };
  check(typeof vendor === 'string' && IGLU_VENDOR.test(vendor), 'vendor', 'letters, digits, "-", "_" or "."', vendor);
  check(typeof name === 'string' && IGLU_NAME.test(name), 'name', 'letters, digits, "-" or "_"', name);
  check(format === 'jsonschema', 'format', '"jsonschema"', format);
  const parsed = typeof version === 'string' ? parseSchemaVer(version) : undefined;
  check(parsed !== undefined, 'version', 'a SchemaVer MODEL-REVISION-ADDITION like 1-0-0', version);
  if (layout && (layout[1] !== vendor || layout[2] !== name || layout[3] !== version)) {
    throw new InteropInputError(where('/self'), `self says ${String(vendor)}/${String(name)}/${String(version)}, but the registry path says ${layout[1]}/${layout[2]}/${layout[3]}`);
  }
  return { input, pointer: base, vendor: vendor as string, name: name as string, version: parsed!, versionText: version as string, schema };
}
