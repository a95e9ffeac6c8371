import rule from '../../../server/src/rules/pip-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.2',
    { name: 'requirements and constraints', code: 'FROM python:3.12\nRUN pip install -r requirements.txt flask && pip install -c constraints.txt django' },
    { name: 'ranges, wheels, paths, the project', code: "FROM python:3.12\nRUN pip install 'django>=4.2,<5' ./dist/app-1.0-py3-none-any.whl . && pip install -e ./lib" },
    { name: 'VCS with a revision', code: 'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.2.0#egg=repo' },
    { name: 'option values are not packages', code: 'FROM python:3.12\nRUN pip install --root-user-action ignore --index-url https://pypi.example.com/simple poetry==1.8.5' },
    { name: 'a variable may hold the version', code: 'FROM python:3.12\nRUN pip install "poetry==$POETRY_VERSION" $EXTRA' },
  ],
  invalid: [
    {
      name: 'unpinned packages',
      code: 'FROM python:3.12\nRUN pip install --upgrade «pip» «setuptools» wheel==0.43.0',
      output: null,
      messageIncludes: '==<version>',
      severity: 'warning',
    },
    { name: 'python -m pip and pipx', code: 'FROM python:3.12\nRUN python3 -m pip install «requests» && pipx install «black»', output: null },
    {
      name: 'VCS without a revision',
      code: 'FROM python:3.12\nRUN pip install «git+https://github.com/org/repo.git#egg=repo»',
      output: null,
      messageIncludes: 'without a revision',
    },
  ],
});
