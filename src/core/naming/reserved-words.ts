import { EXPORTED_NAMES, GLOBALS_USED } from './api-names.js';

/** ECMAScript reserved words (strict mode and modules), and names strict code cannot bind. */
const JS_RESERVED = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import',
  'in', 'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public',
  'return', 'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while',
  'with', 'yield', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
];

/**
 * Members of Object.prototype: legal identifiers, but as keys of plain objects (a CommonJS
 * re-export, a lookup table, `__proto__` in a literal) they read or replace the prototype.
 */
const PROTOTYPE_MEMBERS = [
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString',
  'valueOf', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
];

/** Function names an event may not take as they are; the namer prefixes them with `track`. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...JS_RESERVED, ...PROTOTYPE_MEMBERS, ...GLOBALS_USED, ...EXPORTED_NAMES]);
