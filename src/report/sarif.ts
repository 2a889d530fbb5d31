import { sortDiagnostics, type Diagnostic, type Severity } from '../core/diagnostics.js';
import { formatLocation, isSheetLocation, type Location } from '../core/location.js';

/** A rule as SARIF's `tool.driver.rules` describes it. */
export interface SarifRule {
  id: string;
  description: string;
  severity: Severity;
  helpUri?: string;
}

export interface SarifOptions {
  toolName: string;
  toolVersion: string;
  informationUri: string;
  rules: readonly SarifRule[];
  /** The run's property bag (what the run was, beyond its results). */
  runProperties?: Record<string, unknown>;
  /** More properties of a result, besides its `messageId`. */
  resultProperties?: (diagnostic: Diagnostic) => Record<string, unknown> | undefined;
}

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0, the format GitHub code scanning uploads (`github/codeql-action/upload-sarif`).
 * File URIs are relative to the repository root (`%SRCROOT%`); columns count UTF-16 code units,
 * as TypeScript positions do.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, i) => [rule.id, i]));
  const results = sortDiagnostics(diagnostics).map((d) => {
    const index = ruleIndex.get(d.ruleId);
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: d.severity === 'error' ? 'error' : 'warning',
      message: { text: d.message },
    };
    if (d.location) result['locations'] = [sarifLocation(d.location)];
    // Other places the finding involves (a shared const the call's properties come from).
    const related = (d.related ?? []).filter((l) => !isSameLocation(l, d.location));
    if (related.length > 0) result['relatedLocations'] = related.map((l, id) => ({ id, ...sarifLocation(l) }));
    const properties = { ...(d.messageId ? { messageId: d.messageId } : {}), ...options.resultProperties?.(d) };
    if (Object.keys(properties).length > 0) result['properties'] = properties;
    return result;
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName,
            version: options.toolVersion,
            informationUri: options.informationUri,
            rules: options.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
              ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        ...(options.runProperties ? { properties: options.runProperties } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifLocation(location: Location): Record<string, unknown> {
  if (isSheetLocation(location)) return { logicalLocations: [{ fullyQualifiedName: `${location.sheet}!${location.cell}` }] };
  const { file, line, column, endLine, endColumn } = location;
  const region = endLine > line || (endLine === line && endColumn > column)
    ? { startLine: line, startColumn: column, endLine, endColumn }
    : { startLine: line, startColumn: column };
  return { physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' }, region } };
}

function isSameLocation(a: Location, b: Location | undefined): boolean {
  return b !== undefined && formatLocation(a) === formatLocation(b);
}

function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
