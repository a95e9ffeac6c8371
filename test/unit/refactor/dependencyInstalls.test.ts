/** Which installs are manifest-driven, and which manifests each one reads. */
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { findDependencyInstall, installText } from '../../../server/src/dockerfile/dependencyInstalls';

const installOf = (script: string) => {
  const command = parseDockerfile(`FROM alpine\nRUN ${script}`).runs[0].commands[0];
  return findDependencyInstall(command);
};

describe('dependency installs', () => {
  const table: [string, string, readonly string[] | undefined][] = [
    ['pip install -r requirements.txt', 'pip install', ['requirements*.txt']],
    ['pip3 install --no-cache-dir -r requirements/prod.txt -c constraints.txt', 'pip3 install', ['requirements/', 'constraints.txt']],
    ['python3 -m pip install -r /app/requirements-dev.txt', 'python3 -m pip install', ['/app/requirements*.txt']],
    ['pip install --requirement=deps.txt gunicorn', 'pip install', ['deps.txt']],
    ['pip install .', 'pip install', undefined],
    ['pip install -e . -r requirements.txt', 'pip install', undefined],
    ['pip install -r $REQUIREMENTS', 'pip install', undefined],
    ['npm ci --omit=dev', 'npm ci', ['package*.json']],
    ['npm i', 'npm i', ['package*.json']],
    ['npm install --prefix web', 'npm install', undefined],
    ['yarn', 'yarn', ['package.json', 'yarn.lock*']],
    ['yarn install --frozen-lockfile', 'yarn install', ['package.json', 'yarn.lock*']],
    ['pnpm install --frozen-lockfile', 'pnpm install', ['package.json', 'pnpm-lock.yaml*']],
    ['go mod download', 'go mod download', ['go.mod', 'go.sum*']],
    ['bundle install --jobs 4', 'bundle install', ['Gemfile', 'Gemfile.lock*']],
    ['composer install --no-dev', 'composer install', undefined],
    ['composer install --no-scripts --no-autoloader', 'composer install', ['composer.json', 'composer.lock*']],
    ['cargo fetch', 'cargo fetch', undefined],
    ['cargo build --release', 'cargo build', undefined],
    ['poetry install --no-root', 'poetry install', ['pyproject.toml', 'poetry.lock*']],
    ['poetry install', 'poetry install', undefined],
    ['uv sync --frozen --no-install-project', 'uv sync', ['pyproject.toml', 'uv.lock*']],
    ['uv pip install -r requirements.txt', 'uv pip install', ['requirements*.txt']],
    ['pipenv install --deploy --system', 'pipenv install', ['Pipfile', 'Pipfile.lock*']],
  ];
  for (const [script, name, manifests] of table) {
    it(script, () => {
      const install = installOf(script);
      assert.ok(install);
      assert.equal(installText(install), name);
      assert.deepEqual(install.manifests, manifests);
    });
  }
  for (const script of ['pip install gunicorn', 'npm install -g pm2', 'npm install express', 'yarn add lodash', 'go build ./...', 'bundle exec rake', 'pnpm add -g pnpm']) {
    it(`not a manifest install: ${script}`, () => assert.equal(installOf(script), undefined));
  }
});
