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
;;
;; Workspace diagnostics: when eglot starts the server, it scans every file of the project and
;; publishes the tokens of files no buffer visits.  eglot 1.9 drops those (its handler only
;; serves visited files), so the server class that `pulumi-token-lsp-eglot-register' sets up
;; keeps them, and `pulumi-token-lsp-list-workspace-tokens' lists them in a `compilation-mode'
;; buffer (FILE:LINE:COL: error: MESSAGE), where `next-error' and RET visit them.

;;; Code:

(require 'cl-lib)
(require 'eieio)
(require 'seq)
(require 'project)

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
:maxFindingsPerDocument, :maxDocumentSize, :workspaceDiagnostics (\"on\", the
default, or \"off\": scan the project's files that are not visited),
:workspaceMaxFiles, :workspaceMaxBytes (caps of that scan, logged and shown
when reached), :historyCheck (t or :json-false), :verify (\"off\", the
default, or \"on\": ask the Pulumi API whether tokens are live),
:verifyBackend, :verifyTimeout.  Left out: the server's defaults.
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
               (cons (or modes pulumi-token-lsp-eglot-modes)
                     (cons 'pulumi-token-lsp-eglot-server pulumi-token-lsp-server-command)))
  (let ((conf (default-value 'eglot-workspace-configuration))
        (entry (pulumi-token-lsp-eglot-workspace-configuration)))
    (cond ((functionp conf))
          ((consp (car-safe conf))      ; the alist form ((SECTION . VALUE) ...)
           (unless (assq :pulumiTokenLsp conf)
             (setq-default eglot-workspace-configuration
                           (append conf (list (cons (car entry) (cadr entry)))))))
          ((not (plist-member conf :pulumiTokenLsp))
           (setq-default eglot-workspace-configuration (append conf entry))))))

;;; Positions

(defun pulumi-token-lsp--units (char encoding)
  "How many units of ENCODING (\"utf-8\", \"utf-16\" or \"utf-32\") CHAR takes."
  (pcase encoding
    ("utf-32" 1)
    ("utf-8" (length (encode-coding-char char 'utf-8)))
    (_ (if (> char #xFFFF) 2 1))))

(defun pulumi-token-lsp--point (position encoding)
  "Buffer position of the LSP POSITION (plist with :line and :character).
Characters count in ENCODING, as for `pulumi-token-lsp--units'."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (forward-line (plist-get position :line))
      (let ((units (plist-get position :character))
            (eol (line-end-position)))
        (while (and (> units 0) (< (point) eol))
          (setq units (- units (pulumi-token-lsp--units (char-after) encoding)))
          (forward-char 1))
        (point)))))

;;; Workspace diagnostics under eglot

(defvar pulumi-token-lsp--unvisited (make-hash-table :test #'equal)
  "File name -> (SERVER . DIAGNOSTICS) for the files no buffer visits.
What SERVER, an eglot server, last published for the file.")

(declare-function eglot--uri-to-path "eglot")
(declare-function eglot--project "eglot")
(declare-function eglot--capabilities "eglot")
(declare-function jsonrpc-running-p "jsonrpc")

(with-eval-after-load 'eglot
  (defclass pulumi-token-lsp-eglot-server (eglot-lsp-server) ()
    :documentation "pulumi-token-lsp under eglot: keeps the diagnostics of files no buffer visits.")

  (cl-defmethod eglot-handle-notification
    ((server pulumi-token-lsp-eglot-server) (_method (eql textDocument/publishDiagnostics))
     &key uri diagnostics &allow-other-keys)
    "Keep DIAGNOSTICS of URI when no buffer visits it.
eglot's own handler runs in every case."
    (let ((file (eglot--uri-to-path uri)))
      (if (or (find-buffer-visiting file) (seq-empty-p diagnostics))
          (remhash file pulumi-token-lsp--unvisited)
        (puthash file (cons server diagnostics) pulumi-token-lsp--unvisited)))
    (cl-call-next-method)))

(defun pulumi-token-lsp--severity-word (severity)
  "The word `compilation-mode' reads as the type of an LSP SEVERITY."
  (pcase severity (1 "error") (2 "warning") (_ "note")))

(defun pulumi-token-lsp-workspace-tokens ()
  "The tokens running eglot servers found in files no buffer visits.
A list of plists (:file :line :column :severity :message :root), sorted by
file and position; :line and :column count from 1, :column in characters."
  (let (rows)
    (maphash
     (lambda (file entry)
       (let ((server (car entry)))
         (unless (jsonrpc-running-p server) (remhash file pulumi-token-lsp--unvisited))
         (when (and (jsonrpc-running-p server) (not (find-buffer-visiting file)) (file-readable-p file))
           (let ((encoding (or (plist-get (eglot--capabilities server) :positionEncoding) "utf-16"))
                 (root (expand-file-name (project-root (eglot--project server)))))
             (with-temp-buffer
               (insert-file-contents file)
               (seq-doseq (diag (cdr entry))
                 (save-excursion
                   (goto-char (pulumi-token-lsp--point (plist-get (plist-get diag :range) :start) encoding))
                   (push (list :file file :line (line-number-at-pos) :column (1+ (- (point) (line-beginning-position)))
                               :severity (plist-get diag :severity) :message (plist-get diag :message) :root root)
                         rows))))))))
     pulumi-token-lsp--unvisited)
    (sort rows (lambda (a b)
                 (let ((fa (plist-get a :file)) (fb (plist-get b :file)))
                   (if (equal fa fb)
                       (or (< (plist-get a :line) (plist-get b :line))
                           (and (= (plist-get a :line) (plist-get b :line))
                                (< (plist-get a :column) (plist-get b :column))))
                     (string< fa fb)))))))

;;;###autoload
(defun pulumi-token-lsp-list-workspace-tokens ()
  "List the tokens pulumi-token-lsp found in files that no buffer visits.
One line each, FILE:LINE:COL: error: MESSAGE, in a `compilation-mode' buffer:
\[next-error] and RET visit them.  Files relative to the project root when
all come from one project.  Needs the server started by eglot through
`pulumi-token-lsp-eglot-register'.  Returns the buffer."
  (interactive)
  (let* ((rows (pulumi-token-lsp-workspace-tokens))
         (roots (delete-dups (mapcar (lambda (row) (plist-get row :root)) rows)))
         (root (and (= (length roots) 1) (car roots)))
         (buffer (get-buffer-create "*pulumi-token-lsp workspace tokens*")))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (compilation-mode)
        (when root (setq default-directory root))
        ;; Columns count characters, not screen columns (emoji and CJK are two wide).
        (setq-local compilation-error-screen-columns nil)
        (insert (format "Pulumi tokens in files no buffer visits, as pulumi-token-lsp found them%s
"
                        (if root (format " in %s" (abbreviate-file-name root)) "")))
        (dolist (row rows)
          (insert (format "%s:%d:%d: %s: %s
"
                          (if root (file-relative-name (plist-get row :file) root) (plist-get row :file))
                          (plist-get row :line) (plist-get row :column)
                          (pulumi-token-lsp--severity-word (plist-get row :severity))
                          (plist-get row :message))))
        (insert (if rows (format "
%d found
" (length rows)) "None found.
"))
        (goto-char (point-min))))
    (when (called-interactively-p 'interactive) (display-buffer buffer))
    (setq next-error-last-buffer buffer)
    buffer))

(provide 'pulumi-token-lsp)
;;; pulumi-token-lsp.el ends here
