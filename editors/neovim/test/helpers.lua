-- What the Neovim tests (e2e.lua, rotate.lua) share; loaded with dofile from the test directory.
local M = {}

-- This buffer's diagnostics from pulumi-token-lsp.
function M.ours(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'pulumi-token-lsp' then table.insert(out, d) end
  end
  return out
end

return M
