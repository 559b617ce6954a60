-- Headless end-to-end test of editors/neovim in the real Neovim (0.7.2 on Debian 12).
-- Run by test/run.sh: nvim --headless --clean -c 'luafile test/e2e.lua' with PTL_SERVER in the
-- environment. Exits 0 on success, 1 on a failure, 77 when everything ran except the code-action
-- steps (the server offered no fix).
local server, work = os.getenv('PTL_SERVER'), vim.fn.tempname()
local failures, skipped = 0, false
local exits = {}  -- { code, signal } of each server process that ended

-- print() in headless Neovim goes to stderr without line breaks; the report goes to stdout.
local function say(line) io.stdout:write(line, '\n') end

local function finish()
  say(string.format('neovim e2e (nvim %s): %d failure(s)%s', tostring(vim.version().major .. '.'
    .. vim.version().minor .. '.' .. vim.version().patch), failures, skipped and ', code-action steps SKIPPED' or ''))
  vim.fn.delete(work, 'rf')
  vim.cmd('cquit ' .. (failures > 0 and 1 or skipped and 77 or 0))
end

local function check(what, ok, detail)
  say(string.format('%s %s%s', ok and 'ok  ' or 'FAIL', what, detail and (' (' .. detail .. ')') or ''))
  if not ok then failures = failures + 1 end
  return ok
end

-- Never print a full token: the prefix and four digits.
local function mask(token) return token:sub(1, 8) .. '…' end

-- A realistic (non-placeholder) token, made at run time: the repository holds none.
local function make_token(name) return 'pul' .. '-' .. vim.fn.sha256('pulumi-token-lsp neovim ' .. name):sub(1, 40) end

local function write(path, lines)
  vim.fn.mkdir(vim.fn.fnamemodify(path, ':h'), 'p')
  vim.fn.writefile(lines, path)
end

local ours = dofile(debug.getinfo(1, 'S').source:sub(2):match('^(.*)/') .. '/helpers.lua').ours

local function on_line(bufnr, lnum)
  local out = {}
  for _, d in ipairs(ours(bufnr)) do
    if d.lnum == lnum then table.insert(out, d) end
  end
  return out
end

local function buffer_text(bufnr) return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') end

local function main()
  vim.cmd('filetype on')
  local ts_token, sh_token, env_token, typed_token, ci_token =
    make_token('ts'), make_token('sh'), make_token('env'), make_token('typed'), make_token('ci')
  local ts_line = 'const banner = "🚀 部署 ok"; const token = "' .. ts_token .. '";'
  -- Never opened: the server scans the workspace folder and publishes it (workspace diagnostics).
  local ci_line = '      - run: echo "🚀 部署 ok" && PULUMI_ACCESS_TOKEN=' .. ci_token .. ' pulumi up --yes'
  write(work .. '/ci/release.yml', { 'name: release', 'on: push', 'jobs:', '  deploy:', '    steps:', ci_line })
  write(work .. '/Pulumi.yaml', { 'name: demo', 'runtime: nodejs' })
  write(work .. '/index.ts', { 'import * as pulumi from "@pulumi/pulumi";', ts_line, 'export const stack = pulumi.getStack();' })
  write(work .. '/deploy.sh', { '#!/usr/bin/env bash', 'export PULUMI_ACCESS_TOKEN=' .. sh_token, 'pulumi up --yes' })
  write(work .. '/.env', { 'AWS_REGION=eu-west-1', 'PULUMI_ACCESS_TOKEN=' .. env_token })
  vim.cmd('cd ' .. vim.fn.fnameescape(work))

  require('pulumi_token_lsp').setup({
    cmd = { server },
    settings = { pulumiTokenLsp = { environmentVariable = 'MY_PULUMI_TOKEN' } },
    -- Neovim calls this when the server process ends: code and signal tell a clean exit from a
    -- process it had to terminate because the shutdown request failed.
    on_exit = function(code, signal) table.insert(exits, { code = code, signal = signal }) end,
  })

  -- 1. Every example file gets its diagnostic, at the token.
  local files = {
    { 'deploy.sh', 1, 'export PULUMI_ACCESS_TOKEN=' .. sh_token, sh_token },
    { '.env', 1, 'PULUMI_ACCESS_TOKEN=' .. env_token, env_token },
    { 'index.ts', 1, ts_line, ts_token },
  }
  local ts_buf
  local bufs = {}
  for _, f in ipairs(files) do
    local name, lnum, line, token = f[1], f[2], f[3], f[4]
    vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/' .. name))
    local bufnr = vim.api.nvim_get_current_buf()
    local arrived = vim.wait(10000, function() return #ours(bufnr) > 0 end, 20)
    local d = ours(bufnr)[1] or {}
    local col = line:find(token, 1, true) - 1 -- Neovim diagnostics count bytes
    check(name .. ': one diagnostic arrives', arrived and #ours(bufnr) == 1, #ours(bufnr) .. ' diagnostics, filetype "' .. vim.bo.filetype .. '"')
    check(name .. ': it covers the token', d.lnum == lnum and d.col == col and d.end_lnum == lnum and d.end_col == col + 44,
      string.format('line %s bytes %s-%s, want %d-%d', tostring(d.lnum), tostring(d.col), tostring(d.end_col), col, col + 44))
    check(name .. ': severity Error, message masks the token', d.severity == vim.diagnostic.severity.ERROR
      and tostring(d.message):find('Hard-coded Pulumi access token', 1, true) == 1
      and not tostring(d.message):find(token, 1, true), mask(token))
    ts_buf = bufnr
    bufs[name] = bufnr
  end
  local clients = vim.lsp.buf_get_clients(ts_buf)
  local n, client = 0, nil
  for _, c in pairs(clients) do n = n + 1; client = c end
  check('one pulumi_token_lsp client serves all three buffers', n == 1 and client.name == 'pulumi_token_lsp'
    and #vim.lsp.get_active_clients() == 1, n .. ' client(s) on index.ts')
  check('positions are UTF-16 (the emoji and CJK line above lines up)', client and client.offset_encoding == 'utf-16',
    client and client.offset_encoding)

  -- 1b. Workspace diagnostics: ci/release.yml was never opened; the server scanned the folder at
  -- `initialized` and published it, and Neovim's handler made an unloaded buffer for it. The
  -- columns are converted from UTF-16 by reading the file from disk (emoji and CJK before the token).
  local ci_uri = vim.uri_from_fname(work .. '/ci/release.yml')
  local function ci_diagnostics()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get()) do
      if d.source == 'pulumi-token-lsp' and vim.uri_from_bufnr(d.bufnr) == ci_uri then table.insert(out, d) end
    end
    return out
  end
  check('ci/release.yml (never opened): vim.diagnostic.get() lists its token',
    vim.wait(10000, function() return #ci_diagnostics() > 0 end, 20) and #ci_diagnostics() == 1,
    #ci_diagnostics() .. ' diagnostics, ' .. mask(ci_token))
  local cd = ci_diagnostics()[1] or {}
  local ci_col = ci_line:find(ci_token, 1, true) - 1
  check('ci/release.yml: the exact range, in bytes', cd.lnum == 5 and cd.col == ci_col and cd.end_lnum == 5
    and cd.end_col == ci_col + 44,
    string.format('line %s bytes %s-%s, want 5 %d-%d', tostring(cd.lnum), tostring(cd.col), tostring(cd.end_col), ci_col, ci_col + 44))
  check('ci/release.yml: severity Error, message masks the token', cd.severity == vim.diagnostic.severity.ERROR
    and tostring(cd.message):find('Hard-coded Pulumi access token', 1, true) == 1
    and not tostring(cd.message):find(ci_token, 1, true))
  check('ci/release.yml: its buffer was made by the handler, not loaded', cd.bufnr ~= nil
    and not vim.api.nvim_buf_is_loaded(cd.bufnr), 'bufnr ' .. tostring(cd.bufnr))
  vim.diagnostic.setqflist({ open = false })
  local entry
  for _, item in ipairs(vim.fn.getqflist()) do
    if item.bufnr == cd.bufnr then entry = item end
  end
  check('the quickfix list (vim.diagnostic.setqflist) holds it, 1-based', entry ~= nil and entry.lnum == 6
    and entry.col == ci_col + 1 and entry.text:find('Hard-coded Pulumi access token', 1, true) ~= nil
    and not entry.text:find(ci_token, 1, true),
    entry and string.format('%s:%d:%d', vim.fn.bufname(entry.bufnr), entry.lnum, entry.col) or 'no entry')

  -- 2. The preferred quick fix through vim.lsp.buf.code_action, picked in vim.ui.select.
  local col = ts_line:find(ts_token, 1, true) - 1
  vim.api.nvim_win_set_cursor(0, { 2, col + 5 })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(ts_buf) }
  local replies = vim.lsp.buf_request_sync(ts_buf, 'textDocument/codeAction', params, 5000) or {}
  local offered = 0
  for _, r in pairs(replies) do offered = offered + #(r.result or {}) end
  if offered == 0 then
    say('SKIP code action: the server returned no code action yet; the code-action steps did not run')
    skipped = true
  else
    local titles = {}
    vim.ui.select = function(items, _, on_choice)
      for i, item in ipairs(items) do
        local action = item.action or item[2]
        table.insert(titles, action.title)
        if action.isPreferred and action.kind == 'quickfix' then return on_choice(item, i) end
      end
      on_choice(nil, nil)
    end
    vim.lsp.buf.code_action()
    local applied = vim.wait(5000, function() return not buffer_text(ts_buf):find(ts_token, 1, true) end, 20)
    check('the code-action menu offers fixes', #titles > 0, #titles .. ' entries, first "' .. tostring(titles[1]) .. '"')
    check('applying the preferred fix removes the token', applied)
    local lines = vim.api.nvim_buf_get_lines(ts_buf, 0, -1, false)
    local fixed, helpers = nil, 0
    for _, l in ipairs(lines) do
      if l:find('const banner', 1, true) then fixed = l end
      if l:find('function requireEnv(', 1, true) then helpers = helpers + 1 end
    end
    -- The whole quoted literal becomes the lookup. Guards against trusting the ranges of
    -- context.diagnostics: Neovim 0.7 sends them back in bytes, not UTF-16.
    check('the quoted literal now reads the configured variable',
      fixed == 'const banner = "🚀 部署 ok"; const token = requireEnv("MY_PULUMI_TOKEN");', fixed)
    check('the requireEnv helper is added once', helpers == 1, tostring(helpers))
    check('the diagnostic goes away', vim.wait(5000, function() return #on_line(ts_buf, 1) == 0 end, 20))
  end

  -- 2b. The fix-all source action in deploy.sh comes without its edit (Neovim 0.7 lists "edit" in
  -- codeAction.resolveSupport); picking it makes Neovim ask codeAction/resolve for the edit.
  local sh_buf = bufs['deploy.sh']
  vim.api.nvim_set_current_buf(sh_buf)
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  local fix_all_title, had_edit
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local action = item.action or item[2]
      if action.kind == 'source.fixAll.pulumi-token-lsp' then
        fix_all_title, had_edit = action.title, action.edit ~= nil
        return on_choice(item, i)
      end
    end
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  local resolved = vim.wait(5000, function() return not buffer_text(sh_buf):find(sh_token, 1, true) end, 20)
  check('deploy.sh: the menu offers fix-all without its edit', fix_all_title ~= nil and had_edit == false,
    tostring(fix_all_title))
  check('deploy.sh: picking it resolves the edit and removes the token', resolved)
  local sh_line = vim.api.nvim_buf_get_lines(sh_buf, 1, 2, false)[1] or ''
  check('deploy.sh: the script reads the configured variable', sh_line:find('MY_PULUMI_TOKEN', 1, true) ~= nil, sh_line)
  vim.api.nvim_set_current_buf(ts_buf)

  -- 3. Typing a token makes a diagnostic; deleting the line removes it.
  local esc = vim.api.nvim_replace_termcodes('<Esc>', true, false, true)
  local typed_line = 'const typed = "' .. typed_token .. '";'
  vim.api.nvim_feedkeys('Go' .. typed_line .. esc, 'xt', false)
  local last = vim.api.nvim_buf_line_count(ts_buf) - 1
  check('a typed token is flagged', vim.wait(5000, function() return #on_line(ts_buf, last) == 1 end, 20),
    'line ' .. last .. ', ' .. mask(typed_token))
  local d = on_line(ts_buf, last)[1] or {}
  local typed_col = typed_line:find(typed_token, 1, true) - 1
  check('at the typed position', d.col == typed_col and d.end_col == typed_col + 44, string.format('bytes %s-%s', tostring(d.col), tostring(d.end_col)))
  vim.api.nvim_feedkeys('dd', 'xt', false)
  check('deleting it clears the diagnostic', vim.wait(5000, function() return #on_line(ts_buf, last) == 0 end, 20))

  -- Shutdown as on :quit: Neovim sends shutdown, then exit only if shutdown succeeded (it
  -- terminates the process otherwise), so a clean exit code proves both (issue 12, defect 8).
  local clients = vim.lsp.get_active_clients()
  check('one server runs before shutdown', #clients == 1, tostring(#clients))
  vim.lsp.stop_client(clients)
  check('the server process ends after shutdown', vim.wait(5000, function() return #exits == #clients end, 20))
  for _, e in ipairs(exits) do
    check('the server exits with code 0, not by a signal', e.code == 0 and e.signal == 0,
      string.format('code %s, signal %s', tostring(e.code), tostring(e.signal)))
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check('the test ran to the end', false, err) end
finish()
