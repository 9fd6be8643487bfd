import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseFile } from '../../../../src/parse';
import { hungTaskDetectCount } from '../../../../src/parsers/sys/kernel/hung_task_detect_count';
import { fixturePath } from '../../../support/fixtures';

describe('sys/kernel/hung_task_detect_count', () => {
  it('parses Linux 6.18, chosen from the path', () => {
    const parsed = parseFile(fixturePath('proc/sys/kernel/hung_task_detect_count'));
    expect(parsed.handler).to.equal('sys/kernel/hung_task_detect_count');
    expect(parsed.records).to.deep.equal([{ value: 0 }]);
  });

  it('reads a count as an unsigned long prints it', () => {
    expect(hungTaskDetectCount.parse('18446744073709551615\n', 'x')).to.deep.equal([{ value: 18446744073709551615 }]);
  });

  it('rejects a value that is not a number, and two numbers', () => {
    expect(() => hungTaskDetectCount.parse('3 tasks\n', '/tmp/hung')).to.throw(
      ParseError,
      '/tmp/hung:1: expected one number, found 2 fields: "3 tasks"',
    );
    expect(() => hungTaskDetectCount.parse('-\n', '/tmp/hung')).to.throw(ParseError, '/tmp/hung:1: value is not an integer ("-"): "-"');
  });
});
