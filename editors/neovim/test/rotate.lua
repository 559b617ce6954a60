-- The guided rotation (issue 15) in the real Neovim (0.7.2 on Debian 12), run by
-- tests/verify/editors_rotation_test.py against its stand-ins of the Pulumi API and the stores:
--   nvim --headless --clean -n -c 'set runtimepath^=editors/neovim' -c 'luafile test/rotate.lua'
-- Environment: PTL_SERVER (the binary), PTL_FILE (the leaked file), PTL_BACKEND (verifyBackend),
-- PTL_STORE (the store button's beginning, e.g. "HashiCorp Vault"), PTL_CANCEL_AT (optional: the
-- step whose question is answered "Cancel", e.g. "Delete"), PTL_REPORT (where the JSON report goes),
-- and the store's variables, which the server inherits from Neovim.
--
-- Only the UI primitives are replaced, never an LSP handler: vim.ui.select (the code-action menu),
-- vim.fn.inputlist (what Neovim 0.7's window/showMessageRequest handler asks with), and the message
-- output (vim.api.nvim_out_write, which its window/showMessage handler writes with, and vim.notify),
-- which are recorded and passed on. Neovim's own handlers decode the questions, answer the server and
-- apply workspace/applyEdit to the buffer. Then the buffer is saved and the server shut down.
-- Exits 0 when the flow reached its last message and the file was saved, 1 otherwise; the driver
-- asserts the outcome from the report and the stand-ins.
local env = function(name) return os.getenv(name) or error(name .. ' is not set') end
local server, file, backend, store = env('PTL_SERVER'), env('PTL_FILE'), env('PTL_BACKEND'), env('PTL_STORE')
local cancel_at, report_path = os.getenv('PTL_CANCEL_AT'), env('PTL_REPORT')
local ROTATE = 'pulumi-token-lsp.rotateToken'
local failures = 0
local report = {
  menu = {},       -- the code-action menu's titles
  resolve = {},    -- what vim.lsp.buf.code_action did with the rotate action (see below)
  questions = {},  -- { message, titles, answer } of each window/showMessageRequest
  shown = {},      -- { type (the number), message } of each window/showMessage Neovim wrote
  notified = {},   -- each vim.notify message
}

local function say(line) io.stdout:write(line, '\n') end

local function check(what, ok, detail)
  say(string.format('%s %s%s', ok and 'ok  ' or 'FAIL', what, detail and (' (' .. detail .. ')') or ''))
  if not ok then failures = failures + 1 end
  return ok
end

local ours = dofile(debug.getinfo(1, 'S').source:sub(2):match('^(.*)/') .. '/helpers.lua').ours

-- Neovim 0.7's showMessage handler writes "LSP[client][Info] message\n" with nvim_out_write (and
-- an Error through vim.notify); the steps' reports begin "Rotation (", the flow's last message not.
local out_write = vim.api.nvim_out_write
vim.api.nvim_out_write = function(text)
  local kind, message = text:match('^LSP%[pulumi_token_lsp%]%[(%a+)%] (.*)\n$')
  if kind then table.insert(report.shown, { type = vim.lsp.protocol.MessageType[kind], message = message }) end
  return out_write(text)
end
local notify = vim.notify
vim.notify = function(message, level, opts)
  table.insert(report.notified, message)
  return notify(message, level, opts)
end
local function last_message()
  for _, m in ipairs(report.shown) do
    if m.message:find('Rotation (', 1, true) ~= 1 then return m end
  end
end

-- window/showMessageRequest in Neovim 0.7 (runtime/lua/vim/lsp/handlers.lua) calls
-- vim.fn.inputlist({ message, "\nRequest Actions:", "1. title", ... }) and answers the action at
-- the number typed (null for any other number). The user types the store's number, then the
-- number of each step's first button (its yes), or "Cancel" at PTL_CANCEL_AT.
vim.fn.inputlist = function(items)
  local titles = {}
  for i = 3, #items do titles[#titles + 1] = items[i]:gsub('^%d+%. ', '', 1) end
  local wanted = titles[1]
  if items[1]:find('Rotate the Pulumi access token', 1, true) == 1 then
    wanted = nil
    for _, t in ipairs(titles) do
      if t:find(store, 1, true) == 1 then wanted = t end
    end
  elseif titles[1] == cancel_at then
    wanted = 'Cancel'
  end
  local choice = 0
  for i, t in ipairs(titles) do
    if t == wanted then choice = i end
  end
  table.insert(report.questions, { message = items[1], titles = titles, answer = wanted or vim.NIL })
  return choice
end

local function write_report()
  local f = assert(io.open(report_path, 'w'))
  f:write(vim.fn.json_encode(report))
  f:close()
end

local function main()
  vim.cmd('filetype on')
  vim.cmd('cd ' .. vim.fn.fnameescape(vim.fn.fnamemodify(file, ':h:h')))
  local exits = {}
  require('pulumi_token_lsp').setup({
    cmd = { server },
    settings = { pulumiTokenLsp = { verifyBackend = backend, workspaceDiagnostics = 'off', historyCheck = false } },
    on_exit = function(code, signal) table.insert(exits, { code = code, signal = signal }) end,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  if not check('the leaked token gets its diagnostic', vim.wait(10000, function() return #ours(bufnr) == 1 end, 20),
      #ours(bufnr) .. ' diagnostics, filetype ' .. vim.bo.filetype) then return end
  local d = ours(bufnr)[1]
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col + 5 })

  -- The menu, as :lua vim.lsp.buf.code_action() shows it; the user picks the rotate action.
  local rotate
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local action = item[2]
      table.insert(report.menu, action.title)
      if action.command and action.command.command == ROTATE then rotate = action; return on_choice(item, i) end
    end
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  if not check('the menu offers the rotate action', vim.wait(5000, function() return rotate ~= nil end, 20),
      #report.menu .. ' entries') then return end
  -- The rotate action has a command and no edit. Neovim 0.7 lists "edit" in
  -- codeAction.resolveSupport and resolves every picked action that has no edit before running it
  -- (buf.lua, on_user_choice): the server answers with the action as it is, and Neovim runs its
  -- command. An error answer would be shown as "code: message" through vim.notify and nothing
  -- would run: both are recorded, and the driver asserts that the flow started.
  local started = function() return #report.questions > 0 end
  local refused = function()
    for _, m in ipairs(report.notified) do
      if m:match('^%-?%d+: ') then return m end
    end
  end
  vim.wait(5000, function() return started() or refused() ~= nil end, 20)
  report.resolve = { started = started(), error = refused() or vim.NIL }
  if not check('the picked action starts the rotation', started(), refused()) then return end

  check('the flow reaches its last message', vim.wait(60000, function() return last_message() ~= nil end, 20),
    #report.questions .. ' questions, ' .. #report.shown .. ' messages')
  report.last = last_message() or vim.NIL
  -- The edit came through workspace/applyEdit to the buffer; the user saves it.
  vim.cmd('write')
  report.modified_after_write = vim.bo[bufnr].modified

  local clients = vim.lsp.get_active_clients()
  vim.lsp.stop_client(clients)
  check('the server ends after shutdown', vim.wait(5000, function() return #exits == #clients end, 20))
  report.exits = exits
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check('the script ran to the end', false, err) end
write_report()
say(string.format('neovim rotate: %d failure(s)', failures))
vim.cmd('cquit ' .. (failures > 0 and 1 or 0))
