-- Test driver, run after init.lua with the fixture open: waits for Alpinist's diagnostics (polling with a timeout),
-- asks for code actions and a hover, writes everything to $ALPINIST_OUT as JSON and quits (exit code 1 on timeout).
local out = assert(os.getenv('ALPINIST_OUT'), 'ALPINIST_OUT is not set')
local timeout = tonumber(os.getenv('ALPINIST_TIMEOUT') or '20000')
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)

local published = nil
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri == uri and #result.diagnostics > 0 then published = result.diagnostics end
  return default_handler(err, result, ctx, config)
end

local function finish(report, code)
  vim.fn.writefile({ vim.fn.json_encode(report) }, out)
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

local got = vim.wait(timeout, function() return published ~= nil and #vim.diagnostic.get(bufnr) > 0 end, 20)
if not got then
  finish({ error = 'no diagnostics within ' .. timeout .. ' ms', filetype = vim.bo[bufnr].filetype, clients = #vim.lsp.get_active_clients() }, 1)
  return
end

local report = { filetype = vim.bo[bufnr].filetype, lsp = published, neovim = {}, codeActions = {}, hover = vim.NIL }
for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(report.neovim, { lnum = diagnostic.lnum, col = diagnostic.col, severity = diagnostic.severity, source = diagnostic.source, message = diagnostic.message })
end

for _, diagnostic in ipairs(published) do
  if diagnostic.code == 'apk-prefer-no-cache' then
    local params = { textDocument = { uri = uri }, range = diagnostic.range, context = { diagnostics = { diagnostic } } }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout) or {}
    for _, response in pairs(responses) do
      for _, action in ipairs(response.result or {}) do
        table.insert(report.codeActions, { title = action.title, isPreferred = action.isPreferred == true })
      end
    end
  end
end

local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 0, character = 6 } }, timeout) or {}
for _, response in pairs(hover) do
  if response.result then report.hover = response.result.contents.value or response.result.contents end
end

finish(report, 0)
