;;; pulumi-token-lsp.el --- Flag hard-coded Pulumi access tokens with pulumi-token-lsp  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: tools, convenience

;;; Commentary:

;; Settings and eglot glue for pulumi-token-lsp, a language server that flags hard-coded Pulumi
;; access tokens and rewrites them into environment, config or secrets-manager lookups.
;;
;; Two ways to run it:
;; - eglot, for modes with no other language server (YAML, .env, shell, Markdown...):
;;     (with-eval-after-load 'eglot (pulumi-token-lsp-eglot-register))
;;   and `eglot-ensure' in those modes.  Settings reach the server through
;;   `eglot-workspace-configuration' (see `pulumi-token-lsp-eglot-workspace-configuration').
;; - Flymake, beside any eglot server (pyright, tsserver, gopls...): `pulumi-token-lsp-flymake-mode'
;;   in pulumi-token-lsp-flymake.el.

;;; Code:

(defgroup pulumi-token-lsp nil
  "Flag hard-coded Pulumi access tokens."
  :group 'tools
  :prefix "pulumi-token-lsp-")

(defcustom pulumi-token-lsp-server-command '("pulumi-token-lsp" "--stdio")
  "Command line that starts pulumi-token-lsp over stdio."
  :type '(repeat string))

(defcustom pulumi-token-lsp-settings nil
  "The server's pulumiTokenLsp settings, as a plist.
Keys: :severity (\"error\", \"warning\", \"information\", \"hint\"),
:placeholders (\"hint\" or \"off\"), :environmentVariable, :configKey,
:awsSecretId, :vault (:mount :path :field), :conjurVariable, :consoleUrl,
:maxFindingsPerDocument, :maxDocumentSize, :historyCheck (t or
:json-false).  Left out: the server's defaults.
Example: (:severity \"warning\" :environmentVariable \"MY_PULUMI_TOKEN\")."
  :type 'plist)

(defcustom pulumi-token-lsp-eglot-modes
  '(yaml-mode yaml-ts-mode conf-mode conf-unix-mode conf-space-mode sh-mode bash-ts-mode
    markdown-mode text-mode json-mode js-json-mode json-ts-mode dockerfile-mode)
  "Major modes where `pulumi-token-lsp-eglot-register' has eglot run the server.
Modes that have their own language server keep it; use
`pulumi-token-lsp-flymake-mode' there."
  :type '(repeat symbol))

(defun pulumi-token-lsp-eglot-workspace-configuration ()
  "Return `pulumi-token-lsp-settings' as an `eglot-workspace-configuration' entry."
  (list :pulumiTokenLsp (or pulumi-token-lsp-settings (make-hash-table))))

(defvar eglot-server-programs)
(defvar eglot-workspace-configuration)

;;;###autoload
(defun pulumi-token-lsp-eglot-register (&optional modes)
  "Make eglot run pulumi-token-lsp in MODES (or `pulumi-token-lsp-eglot-modes').
Also adds `pulumi-token-lsp-settings' as the pulumiTokenLsp section of the
default `eglot-workspace-configuration' unless it has one (or is a function)."
  (require 'eglot)
  (add-to-list 'eglot-server-programs
               (cons (or modes pulumi-token-lsp-eglot-modes) pulumi-token-lsp-server-command))
  (let ((conf (default-value 'eglot-workspace-configuration))
        (entry (pulumi-token-lsp-eglot-workspace-configuration)))
    (cond ((functionp conf))
          ((consp (car-safe conf))      ; the alist form ((SECTION . VALUE) ...)
           (unless (assq :pulumiTokenLsp conf)
             (setq-default eglot-workspace-configuration
                           (append conf (list (cons (car entry) (cadr entry)))))))
          ((not (plist-member conf :pulumiTokenLsp))
           (setq-default eglot-workspace-configuration (append conf entry))))))

(provide 'pulumi-token-lsp)
;;; pulumi-token-lsp.el ends here
