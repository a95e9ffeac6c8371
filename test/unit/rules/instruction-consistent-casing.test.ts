import rule from '../../../server/src/rules/instruction-consistent-casing';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nRUN true\nCMD ["sh"]', { name: 'an unknown keyword is not an instruction', code: '# escape=`\nFROM alpine:3.20\nRUN echo a && \\\n    tar -x f' }, 'from alpine:3.20\nrun true\ncmd ["sh"]'],
  invalid: [
    { name: 'one lower-case keyword among upper-case ones', code: 'FROM alpine:3.20\n«run» true\nCMD ["sh"]', output: 'FROM alpine:3.20\nRUN true\nCMD ["sh"]', messageIncludes: 'upper case' },
    { name: 'lower-case majority', code: 'from alpine:3.20\nrun true\n«CMD» ["sh"]', output: 'from alpine:3.20\nrun true\ncmd ["sh"]', messageIncludes: 'lower case' },
    {
      name: 'as BuildKit counts: ARGs before the first FROM are not counted (here they would have made lower case the majority), but are held to the majority case',
      code: '«arg» A=1\n«arg» B=2\n«arg» C=3\nFROM alpine:3.20\nRUN true',
      output: 'ARG A=1\nARG B=2\nARG C=3\nFROM alpine:3.20\nRUN true',
      messageIncludes: 'upper case',
    },
    {
      name: 'as BuildKit counts: an ONBUILD counts once, by its own keyword, not its trigger\'s (counting triggers too would make upper case the majority)',
      code: 'from alpine:3.20\nrun a\nrun b\n«ONBUILD» «RUN» c\n«ONBUILD» «RUN» d',
      output: 'from alpine:3.20\nrun a\nrun b\nonbuild run c\nonbuild run d',
      messageIncludes: 'lower case',
    },
    { name: 'mixed case is always reported; a tie goes to upper case', code: 'FROM alpine:3.20\n«Run» true\n«copy» a /a\nENV A=1\n«onbuild» RUN true', output: 'FROM alpine:3.20\nRUN true\nCOPY a /a\nENV A=1\nONBUILD RUN true' },
  ],
});
