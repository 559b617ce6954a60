-- pulumi-token-lsp for Neovim: flags hard-coded Pulumi access tokens in every buffer, as an extra
-- LSP client beside the language's own server, with code actions that rewrite them into lookups.
--
--   require('pulumi_token_lsp').setup({
--     cmd = { 'pulumi-token-lsp' },                      -- or an absolute path
--     settings = { pulumiTokenLsp = { severity = 'warning' } },
--   })
--
-- Workspace diagnostics (setting workspaceDiagnostics, "on" by default): when the client starts,
-- the server scans every file of the project root (the same files as `pulumi-token-lsp scan`)
-- and publishes the tokens of files that are not open; Neovim keeps them on unloaded buffers, so
-- vim.diagnostic.get() and vim.diagnostic.setqflist() list them. Caps: workspaceMaxFiles,
-- workspaceMaxBytes (logged and shown when reached). Off:
--   settings = { pulumiTokenLsp = { workspaceDiagnostics = 'off' } }
--
-- Neovim 0.11+: registers the config with vim.lsp.config and enables it (lsp/pulumi_token_lsp.lua
-- holds the same defaults for `vim.lsp.enable('pulumi_token_lsp')` without setup()).
-- Neovim 0.7-0.10: starts one client per root directory and attaches every file buffer to it.
local M = {}

M.name = 'pulumi_token_lsp'

-- The server's settings (section pulumiTokenLsp); the server's own defaults apply to what is left out.
M.default_settings = { pulumiTokenLsp = {} }

--- Returns the client configuration for `opts` (cmd, settings, root_markers, extra fields kept).
--- Settings reach the server as initializationOptions and through workspace/configuration.
function M.config(opts)
  opts = opts or {}
  local cfg = vim.tbl_deep_extend('force', {
    name = M.name,
    cmd = { 'pulumi-token-lsp', '--stdio' },
    root_markers = { 'Pulumi.yaml', '.git' },
    settings = M.default_settings,
  }, opts)
  if cfg.cmd[2] == nil and cfg.cmd[1] ~= nil then cfg.cmd = { cfg.cmd[1], '--stdio' } end
  cfg.init_options = cfg.init_options or cfg.settings
  return cfg
end

local function is_file_buffer(bufnr)
  return vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].buftype == ''
    and vim.api.nvim_buf_get_name(bufnr) ~= ''
end

-- The nearest directory above the buffer's file holding one of cfg.root_markers, else the cwd.
local function root_dir_for(cfg, bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  while true do
    for _, marker in ipairs(cfg.root_markers or {}) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then return vim.fn.getcwd() end
    dir = parent
  end
end

-- Neovim 0.7 has no vim.lsp.start: one client per root directory, attached by id.
local clients_by_root = {}

local function attach_legacy(cfg, bufnr)
  local root = root_dir_for(cfg, bufnr)
  local id = clients_by_root[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(vim.tbl_extend('force', cfg, { root_dir = root }))
    clients_by_root[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

local function attach(cfg, bufnr)
  if not is_file_buffer(bufnr) then return end
  if vim.lsp.start then
    vim.lsp.start(vim.tbl_extend('force', cfg, { root_dir = root_dir_for(cfg, bufnr) }), { bufnr = bufnr })
  else
    attach_legacy(cfg, bufnr)
  end
end

--- Starts the server for every file buffer, now and from now on. `opts` as for M.config.
function M.setup(opts)
  local cfg = M.config(opts)
  local group = vim.api.nvim_create_augroup('pulumi_token_lsp', { clear = true })
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config(M.name, cfg)
    vim.lsp.enable(M.name)
    -- vim.lsp.enable attaches on FileType; buffers that never get a filetype are attached here.
    vim.api.nvim_create_autocmd('BufReadPost', {
      group = group,
      callback = function(args)
        if vim.bo[args.buf].filetype == '' then attach(vim.lsp.config[M.name], args.buf) end
      end,
    })
    return
  end
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    group = group,
    callback = function(args) attach(cfg, args.buf) end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do attach(cfg, bufnr) end
end

return M
