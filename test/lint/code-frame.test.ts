import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/report/code-frame.js';

const at = (line: number, column: number, endLine: number, endColumn: number) => ({ file: 'a.ts', line, column, endLine, endColumn });

describe('code frames', () => {
  it.each([
    ['a span on one line', 'a();\nanalytics.track("x");\n', at(2, 17, 2, 20), ['  1 | a();', '> 2 | analytics.track("x");', '    |                 ^^^']],
    ['the first line has no line above', 'track("x");', at(1, 7, 1, 10), ['> 1 | track("x");', '    |       ^^^']],
    ['a span that goes on to later lines is underlined to the end of its first line', 'x;\nf({\n  a: 1,\n});', at(2, 3, 4, 2), ['  1 | x;', '> 2 | f({', '    |   ^']],
    ['tabs keep the caret under the code', '\tf(1);', at(1, 4, 1, 5), ['> 1 |   f(1);', '    |     ^']],
    ['wider line numbers', `${'\n'.repeat(9)}go();`, at(10, 1, 10, 3), ['   9 |', '> 10 | go();', '     | ^^']],
  ])('%s', (_name, text, location, lines) => {
    expect(codeFrame(text, location)).toBe(`${lines.join('\n')}\n`);
  });
});
