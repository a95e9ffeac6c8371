-- Alpinist's language server in Neovim 0.7+ (built-in LSP client, no plugins): start `alpinist-language-server`
-- (or `node dist/server.js --stdio`) for the dockerfile filetype. Used by test/e2e/neovim.test.ts; also a user example.
local server = os.getenv('ALPINIST_SERVER')
local cmd = server and { 'node', server, '--stdio' } or { 'alpinist-language-server', '--stdio' }

-- Containerfiles and *.Dockerfile are Dockerfiles too.
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = { 'Containerfile', '*.Containerfile', 'Containerfile.*', '*.Dockerfile', 'Dockerfile.*' },
  command = 'setfiletype dockerfile',
})

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'dockerfile',
  callback = function(args)
    client_id = client_id or vim.lsp.start_client({
      name = 'alpinist',
      cmd = cmd,
      root_dir = vim.fn.getcwd(),
      -- Answers the server's workspace/configuration requests; rule ids map to off|hint|info|warning|error.
      settings = { alpinist = { enable = true, rules = {} } },
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
