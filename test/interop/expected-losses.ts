import { schemaPath } from '../../src/core/compile.js';
import { generatedNotice } from '../../src/core/compile-schema.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { PlanIR } from '../../src/core/ir.js';
import { stableStringify } from '../../src/core/json.js';

type Node = Record<string, unknown>;

const KEYWORD: Record<string, string> = {
  pattern: 'pattern', format: 'format', minimum: 'minimum', maximum: 'maximum', minLength: 'minLength', maxLength: 'maxLength',
  enum: 'enum', description: 'description', items: 'items', properties: 'properties',
};

/** The data object of a compiled event schema: `properties`, `traits` or `context.traits`. */
function dataNode(schema: Node): Node {
  const props = schema['properties'] as Node;
  if (props['traits']) return props['traits'] as Node;
  if (props['context']) return (props['context'] as { properties: Node }).properties['traits'] as Node;
  return props['properties'] as Node;
}

/** `a.b[]` -> the node and its parent object node (for `required`). */
function findProperty(data: Node, path: string): { node: Node; parent: Node; name: string } {
  let parent = data;
  let node = data;
  let name = '';
  for (const token of path.split('.')) {
    const base = token.replace(/(\[\])+$/, '');
    parent = node;
    node = (node['properties'] as Record<string, Node>)[base]!;
    name = base;
    for (let i = 0; i < (token.length - base.length) / 2; i++) node = node['items'] as Node;
  }
  return { node, parent, name };
}

function removeKeyword(node: Node, keyword: string): void {
  delete node[keyword];
  for (const branch of (node['anyOf'] as Node[] | undefined) ?? []) delete branch[keyword];
}

/**
 * What the re-imported plan's compiled schemas must be: the original's, minus exactly what the
 * export's warnings said was lost. A warning for something that was in fact carried makes the
 * round trip fail as surely as a silent loss does.
 */
export function expectedAfterLosses(original: PlanIR, schemas: Map<string, string>, warnings: readonly Diagnostic[], reimported: PlanIR): Map<string, string> {
  const parsed = new Map([...schemas].map(([file, text]) => [file, JSON.parse(text) as Node]));
  const fileOf = (call: string, name: string) => {
    const event = original.events.find((e) => e.call === call && e.name === name);
    return event ? schemaPath(event) : undefined;
  };
  let identity = false;
  for (const warning of warnings) {
    const data = warning.data ?? {};
    const file = data['call'] !== undefined ? fileOf(String(data['call']), String(data['name'])) : undefined;
    const schema = file ? parsed.get(file) : undefined;
    switch (warning.messageId) {
      case 'lostPlanField':
        if (data['field'] === 'id' || data['field'] === 'version') identity = true;
        break;
      case 'lostCall':
        if (file) parsed.delete(file);
        break;
      case 'lostEventField':
        if (!schema) break;
        if (data['field'] === 'description') delete schema['description'];
        if (data['field'] === 'additional_properties') dataNode(schema)['additionalProperties'] = false;
        if (data['field'] === 'names') throw new Error('page/screen names loss is not modelled by this test helper');
        break;
      case 'lostPropertyField': {
        if (!schema) break;
        const { node, parent, name } = findProperty(dataNode(schema), String(data['path']));
        const field = String(data['field']);
        if (field === 'required') {
          const required = (parent['required'] as string[]).filter((n) => n !== name);
          if (required.length > 0) parent['required'] = required;
          else delete parent['required'];
        } else if (field === 'nullable') {
          if (Array.isArray(node['type'])) node['type'] = (node['type'] as string[]).find((t) => t !== 'null');
          if (Array.isArray(node['anyOf'])) node['anyOf'] = (node['anyOf'] as Node[]).filter((b) => b['type'] !== 'null');
        } else if (field === 'additional_properties') {
          node['additionalProperties'] = false;
        } else if (KEYWORD[field]) {
          removeKeyword(node, KEYWORD[field]);
        }
        break;
      }
    }
  }
  const out = new Map<string, string>();
  for (const [file, schema] of parsed) {
    // A data object left without required properties no longer makes the envelope require it.
    const data = dataNode(schema);
    if (!data['required'] && Array.isArray(schema['required'])) {
      const key = (schema['properties'] as Node)['traits'] ? 'traits' : (schema['properties'] as Node)['context'] ? 'context' : 'properties';
      const required = (schema['required'] as string[]).filter((k) => k !== key);
      if (required.length > 0) schema['required'] = required;
      else delete schema['required'];
    }
    if (identity) schema['$comment'] = generatedNotice(reimported);
    out.set(file, stableStringify(schema));
  }
  return out;
}
