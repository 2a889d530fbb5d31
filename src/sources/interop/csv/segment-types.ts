import type { PrimitiveType } from '../../../core/ir.js';

/** Segment's download columns (as Avo's importer documents them), then trackplan's `Required`. */
export const SEGMENT_HEADER = ['Version', 'Event Type', 'Event Name', 'Property Name', 'Description', 'Labels', 'Property Data Type', 'Enum Values', 'Required'] as const;

const TO_SEGMENT: Record<PrimitiveType, string> = {
  string: 'string', integer: 'int', number: 'float', boolean: 'bool', object: 'object', array: 'array', null: 'null', any: 'any',
};

const FROM_SEGMENT: Record<string, PrimitiveType> = {
  string: 'string', str: 'string', text: 'string',
  int: 'integer', integer: 'integer',
  float: 'number', number: 'number', double: 'number', decimal: 'number',
  bool: 'boolean', boolean: 'boolean',
  object: 'object', array: 'array', list: 'array', null: 'null', any: 'any',
};

/** `int,null` for a nullable integer: the data type cell of the Segment CSV. */
export function toSegmentType(types: readonly PrimitiveType[], nullable: boolean): string {
  return [...types.map((t) => TO_SEGMENT[t]), ...(nullable ? ['null'] : [])].join(',');
}

/** A data type word of any of the CSV formats (`int`, `float`, `bool`, ...) as a plan type; undefined when unknown. */
export function fromCsvType(word: string): PrimitiveType | undefined {
  return FROM_SEGMENT[word.trim().toLowerCase()];
}
