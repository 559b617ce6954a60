;;; emacs_init.el --- Emacs set-up for make.sh  -*- lexical-binding: t; -*-
;; The Flymake backend, the diagnostics list, then the code-action menu on the flagged token.
(require 'pulumi-token-lsp-flymake)
(setq pulumi-token-lsp-server-command (list (getenv "PTL_SERVER") "--stdio"))
(setq inhibit-startup-screen t)
(global-display-line-numbers-mode 1)
(fido-vertical-mode 1)
;; Room in the minibuffer for every fix, not just the first few.
(setq icomplete-prospects-height 10
      max-mini-window-height 0.5)
(add-hook 'emacs-startup-hook
          (lambda ()
            (pulumi-token-lsp-flymake-mode 1)
            (run-at-time 2 nil (lambda ()
                                 (goto-char (point-min))
                                 (search-forward "pul-")
                                 (flymake-show-buffer-diagnostics)
                                 (call-interactively #'pulumi-token-lsp-code-action)))))
;;; emacs_init.el ends here
