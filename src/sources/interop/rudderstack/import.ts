import { InteropInputError } from '../errors.js';
import { parseJsonInput } from '../json-input.js';
import { layOutPlan, type PlanDraft } from '../plan-draft.js';
import type { ImportFormat, InputFile } from '../types.js';
import { refuseOtherFormat } from '../sniff.js';
import { WarningSink } from '../warnings.js';
import { parseYamlInput } from '../yaml-input.js';
import { importApiJson } from './api-json.js';
import { importProject } from './project.js';
import { isKnownKind, readSpec, type Spec } from './specs.js';

/** RudderStack: a rudder-cli project folder (spec files) or tracking-plan JSON (Data Catalog, RudderTyper). */
export const importFormat: ImportFormat = {
  name: 'rudderstack',
  summary: 'RudderStack: rudder-cli project folder (rudder/v0.1, rudder/v1) or Data Catalog / tracking-plan JSON',
  importPlan(files: readonly InputFile[]) {
    const sink = new WarningSink();
    const specs: Spec[] = [];
    const json: InputFile[] = [];
    for (const file of files) {
      if (/\.json$/i.test(file.path)) json.push(file);
      else if (/\.ya?ml$/i.test(file.path)) {
        const input = parseYamlInput(file);
        const isConfig = input.data !== null && typeof input.data === 'object' && !('kind' in input.data) && ('trackingPlans' in input.data || 'client' in input.data);
        if (isConfig) {
          sink.warn('skipped', input.locate(''), { pointer: '/', what: 'RudderTyper client configuration', reason: 'it holds no plan' });
          continue;
        }
        const spec = readSpec(input);
        if (isKnownKind(spec.kind)) specs.push(spec);
        else sink.warn('skipped', input.locate('/kind'), { pointer: '/kind', what: `a spec of kind ${spec.kind}`, reason: 'it is not part of a tracking plan' });
      } else if (files.length === 1) throw new InteropInputError(file.path, 'not a RudderStack input: expected rudder-cli *.yaml spec files or a tracking-plan *.json');
      else sink.warn('skipped', { file: file.path, line: 1, column: 1, endLine: 1, endColumn: 1 }, { pointer: '/', what: 'a file that is neither YAML nor JSON', reason: 'not a RudderStack input' });
    }
    if (specs.length > 0 && json.length > 0) throw new InteropInputError(json[0]!.path, 'mixing a rudder-cli project with tracking-plan JSON: import one of them');
    let draft: PlanDraft;
    if (specs.length > 0) draft = importProject(specs, sink);
    else if (json.length > 0) {
      draft = { id: '', name: '', version: '1.0.0', events: new Map([['', {}]]), calls: {} };
      for (const file of json) {
        const input = parseJsonInput(file);
        refuseOtherFormat(input.data, file.path, 'rudderstack');
        importApiJson(input, sink, draft);
      }
      draft.name ||= 'RudderStack tracking plan';
    } else throw new InteropInputError(files[0]?.path ?? 'input', 'no rudder-cli spec and no tracking-plan JSON among the inputs');
    return { documents: layOutPlan(draft), diagnostics: sink.diagnostics };
  },
};
