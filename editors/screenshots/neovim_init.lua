-- Neovim set-up for make.sh: the plugin, then the code-action menu on the flagged token.
vim.opt.runtimepath:prepend(vim.fn.fnamemodify(vim.env.MYVIMRC or debug.getinfo(1, 'S').source:sub(2), ':p:h:h') .. '/neovim')
vim.opt.termguicolors = true
vim.opt.number = true
vim.opt.signcolumn = 'yes'
vim.cmd('filetype on | syntax on')
require('pulumi_token_lsp').setup({ cmd = { vim.env.PTL_SERVER } })
vim.defer_fn(function()
  vim.api.nvim_win_set_cursor(0, { 5, 30 })
  vim.lsp.buf.code_action()
end, 2500)
