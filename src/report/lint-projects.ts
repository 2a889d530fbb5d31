import type { Diagnostic } from '../core/diagnostics.js';
import { isSheetLocation } from '../core/location.js';
import type { LintReport, ProjectStats } from '../core/lint-results.js';
import type { SarifOptions } from './sarif.js';

/** The projects of a lint run as the json and SARIF reports write them (a fixed key order). */
export function projectsJson(projects: readonly ProjectStats[]): ProjectStats[] {
  return projects.map(({ tsconfig, checker, files, filesWithCalls }) => ({ tsconfig, checker, files, filesWithCalls }));
}

/**
 * What a SARIF log of `trackplan lint` says about the TypeScript projects: the run's properties
 * hold whether the type checker ran and each project; a result in a file with calls names the
 * tsconfig its file used (`null`: default options).
 */
export function lintSarifProperties(result: LintReport): Pick<SarifOptions, 'runProperties' | 'resultProperties'> {
  const tsconfigOf = new Map<string, string | null>();
  for (const project of result.stats.projects) {
    for (const file of project.filesWithCalls) tsconfigOf.set(file, project.tsconfig);
  }
  return {
    runProperties: { checker: result.stats.checker, projects: projectsJson(result.stats.projects) },
    resultProperties: (d: Diagnostic) => {
      const file = d.location && !isSheetLocation(d.location) ? d.location.file : undefined;
      return file !== undefined && tsconfigOf.has(file) ? { tsconfig: tsconfigOf.get(file) } : undefined;
    },
  };
}
