-- Neovim 0.11+ `vim.lsp.config` file: with editors/neovim on 'runtimepath',
-- `vim.lsp.enable('pulumi_token_lsp')` starts pulumi-token-lsp for buffers of every filetype.
-- Override with vim.lsp.config('pulumi_token_lsp', { cmd = { '/path/to/pulumi-token-lsp', '--stdio' } }).
return require('pulumi_token_lsp').config()
