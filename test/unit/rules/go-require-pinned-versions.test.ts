import rule from '../../../server/src/rules/go-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.3',
    { name: 'local packages and files', code: 'FROM golang:1.22\nRUN go install ./cmd/... && go run main.go && go build -o /app .' },
    { name: 'flag values and program arguments', code: 'FROM golang:1.22\nRUN go run -tags netgo example.com/gen@v1.2.3 --out gen' },
  ],
  invalid: [
    {
      name: 'no version and @latest',
      code: 'FROM golang:1.22\nRUN go install «github.com/go-delve/delve/cmd/dlv» && go install «golang.org/x/tools/cmd/goimports@latest»',
      output: null,
      severity: 'warning',
    },
    {
      name: '@latest message',
      code: 'FROM golang:1.22\nRUN go get «example.com/pkg@latest»',
      output: null,
      messageIncludes: 'newest at build time',
    },
  ],
});
