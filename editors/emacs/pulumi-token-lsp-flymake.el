;;; pulumi-token-lsp-flymake.el --- Flymake backend for pulumi-token-lsp, beside any eglot server  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (jsonrpc "1.0.9"))

;;; Commentary:

;; `pulumi-token-lsp-flymake-mode' adds a Flymake backend that talks to pulumi-token-lsp over
;; the built-in jsonrpc.el, so hard-coded Pulumi tokens are flagged in buffers where eglot runs
;; the language's own server (eglot allows one server per buffer).  One server process serves
;; every buffer.  `pulumi-token-lsp-code-action' offers the server's fixes for the token at point
;; through `completing-read' (the preferred fix is the default) and applies the chosen one.
;;
;;   (add-hook 'prog-mode-hook #'pulumi-token-lsp-flymake-mode)
;;   (add-hook 'conf-mode-hook #'pulumi-token-lsp-flymake-mode)
;;
;; Text is synchronised in full each time Flymake asks for a check; positions are negotiated in
;; UTF-32, which is what Emacs columns count (UTF-16 is handled too).

;;; Code:

(require 'cl-lib)
(require 'flymake)
(require 'jsonrpc)
(require 'url-util)
(require 'pulumi-token-lsp)

(defvar pulumi-token-lsp--connection nil "The jsonrpc connection to the server, or nil.")
(defvar pulumi-token-lsp--encoding "utf-16" "Position encoding the server chose.")
(defvar pulumi-token-lsp--buffers (make-hash-table :test #'equal) "Open document URI -> buffer.")

(defvar pulumi-token-lsp-flymake-mode)

(defvar-local pulumi-token-lsp--version nil "Version of the text last sent, nil when not open.")
(defvar-local pulumi-token-lsp--report-fn nil "Flymake's report function awaiting diagnostics.")
(defvar-local pulumi-token-lsp--diagnostics [] "The last LSP diagnostics of this buffer.")

;;; Connection

(defun pulumi-token-lsp--live-p ()
  (and pulumi-token-lsp--connection (jsonrpc-running-p pulumi-token-lsp--connection)))

(defun pulumi-token-lsp--connect ()
  "Return a running, initialised connection, starting the server if needed."
  (unless (pulumi-token-lsp--live-p)
    (clrhash pulumi-token-lsp--buffers)
    (let* ((proc (make-process :name "pulumi-token-lsp" :command pulumi-token-lsp-server-command
                               :connection-type 'pipe :coding 'utf-8-emacs-unix :noquery t
                               :stderr (get-buffer-create " *pulumi-token-lsp stderr*")))
           (conn (make-instance 'jsonrpc-process-connection
                                :name "pulumi-token-lsp" :process proc
                                :events-buffer-scrollback-size 0
                                :request-dispatcher #'pulumi-token-lsp--handle-request
                                :notification-dispatcher #'pulumi-token-lsp--handle-notification))
           (result (jsonrpc-request
                    conn :initialize
                    (list :processId (emacs-pid)
                          :clientInfo (list :name "Emacs Flymake (pulumi-token-lsp-flymake)")
                          :rootUri nil
                          :initializationOptions (pulumi-token-lsp--settings)
                          :capabilities
                          (list :general (list :positionEncodings ["utf-32" "utf-16"])
                                :workspace (list :configuration t
                                                 :workspaceEdit (list :documentChanges t))
                                :textDocument
                                (list :publishDiagnostics (list :versionSupport t)
                                      :codeAction (list :isPreferredSupport t
                                                        :codeActionLiteralSupport
                                                        (list :codeActionKind
                                                              (list :valueSet ["quickfix"])))))))))
      (setq pulumi-token-lsp--encoding
            (or (plist-get (plist-get result :capabilities) :positionEncoding) "utf-16"))
      (jsonrpc-notify conn :initialized (make-hash-table))
      (setq pulumi-token-lsp--connection conn)))
  pulumi-token-lsp--connection)

(defun pulumi-token-lsp--settings ()
  (or pulumi-token-lsp-settings (make-hash-table)))

(defun pulumi-token-lsp-shutdown ()
  "Shut the server down; the next check starts it again.
Sends `shutdown', then `exit', and waits up to 3 seconds for the process to end.  Returns the
server's exit code (0 after a clean shutdown), or nil when no server was running.  A failed
shutdown request is reported with `message' and the process is stopped all the same."
  (interactive)
  (let (code)
    (when (pulumi-token-lsp--live-p)
      (let* ((conn pulumi-token-lsp--connection)
             (proc (jsonrpc--process conn)))
        (condition-case err
            (progn (jsonrpc-request conn :shutdown nil :timeout 3)
                   (jsonrpc-notify conn :exit nil)
                   (with-timeout (3 nil)
                     (while (process-live-p proc) (accept-process-output proc 0.05))))
          (error (message "pulumi-token-lsp: shutdown failed: %s" (error-message-string err))))
        (when (process-live-p proc) (jsonrpc-shutdown conn))
        (setq code (process-exit-status proc))))
    (setq pulumi-token-lsp--connection nil)
    (maphash (lambda (_uri buffer)
               (when (buffer-live-p buffer)
                 (with-current-buffer buffer (setq pulumi-token-lsp--version nil))))
             pulumi-token-lsp--buffers)
    (clrhash pulumi-token-lsp--buffers)
    code))

(defun pulumi-token-lsp--handle-request (_conn method params)
  (pcase method
    ('workspace/configuration
     (apply #'vector
            (mapcar (lambda (item)
                      (if (equal (plist-get item :section) "pulumiTokenLsp") (pulumi-token-lsp--settings) nil))
                    (plist-get params :items))))
    ('client/registerCapability nil)
    (_ (signal 'jsonrpc-error `((jsonrpc-error-code . -32601)
                                (jsonrpc-error-message . ,(format "%s not supported" method)))))))

(defun pulumi-token-lsp--handle-notification (_conn method params)
  (when (eq method 'textDocument/publishDiagnostics)
    (let ((buffer (gethash (plist-get params :uri) pulumi-token-lsp--buffers))
          (version (plist-get params :version)))
      (when (buffer-live-p buffer)
        (with-current-buffer buffer
          (when (or (null version) (eql version pulumi-token-lsp--version))
            (setq pulumi-token-lsp--diagnostics (plist-get params :diagnostics))
            (when pulumi-token-lsp--report-fn
              (funcall pulumi-token-lsp--report-fn
                       (mapcar #'pulumi-token-lsp--flymake-diagnostic pulumi-token-lsp--diagnostics)))))))))

;;; Documents and positions

(defun pulumi-token-lsp--uri ()
  (if buffer-file-name
      (concat "file://" (url-hexify-string (expand-file-name buffer-file-name) url-path-allowed-chars))
    (concat "untitled:" (url-hexify-string (buffer-name)))))

(defun pulumi-token-lsp--language-id ()
  (replace-regexp-in-string "\\(-ts\\)?-mode\\'" "" (symbol-name major-mode)))

(defun pulumi-token-lsp--text ()
  (save-restriction (widen) (buffer-substring-no-properties (point-min) (point-max))))

(defun pulumi-token-lsp--sync ()
  "Send the buffer's text: didOpen the first time, else didChange in full."
  (let ((conn (pulumi-token-lsp--connect))
        (uri (pulumi-token-lsp--uri)))
    (if pulumi-token-lsp--version
        (jsonrpc-notify conn :textDocument/didChange
                        (list :textDocument (list :uri uri :version (cl-incf pulumi-token-lsp--version))
                              :contentChanges (vector (list :text (pulumi-token-lsp--text)))))
      (setq pulumi-token-lsp--version 1)
      (puthash uri (current-buffer) pulumi-token-lsp--buffers)
      (jsonrpc-notify conn :textDocument/didOpen
                      (list :textDocument (list :uri uri :languageId (pulumi-token-lsp--language-id)
                                                :version 1 :text (pulumi-token-lsp--text)))))))

(defun pulumi-token-lsp--close ()
  (when (and pulumi-token-lsp--version (pulumi-token-lsp--live-p))
    (let ((uri (pulumi-token-lsp--uri)))
      (remhash uri pulumi-token-lsp--buffers)
      (jsonrpc-notify pulumi-token-lsp--connection :textDocument/didClose
                      (list :textDocument (list :uri uri)))))
  (setq pulumi-token-lsp--version nil))

(defun pulumi-token-lsp--position (point)
  "LSP position (plist) of buffer position POINT."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char point)
      (let ((units 0))
        (while (> (point) (line-beginning-position))
          (backward-char 1)
          (setq units (+ units (pulumi-token-lsp--units (char-after) pulumi-token-lsp--encoding))))
        (list :line (1- (line-number-at-pos point)) :character units)))))

(defun pulumi-token-lsp--flymake-diagnostic (diag)
  (let ((range (plist-get diag :range)))
    (flymake-make-diagnostic (current-buffer)
                             (pulumi-token-lsp--point (plist-get range :start) pulumi-token-lsp--encoding)
                             (pulumi-token-lsp--point (plist-get range :end) pulumi-token-lsp--encoding)
                             (pcase (plist-get diag :severity) (1 :error) (2 :warning) (_ :note))
                             (format "%s [%s]" (plist-get diag :message) (plist-get diag :source)))))

;;; Flymake

(defun pulumi-token-lsp-flymake-backend (report-fn &rest _args)
  "Flymake backend: send the buffer to the server; diagnostics go to REPORT-FN."
  (setq pulumi-token-lsp--report-fn report-fn)
  (pulumi-token-lsp--sync))

(defun pulumi-token-lsp--keep-backend ()
  "Put the backend back after eglot reset `flymake-diagnostic-functions'.
eglot 1.9's managed mode replaces the list with its own backend alone."
  (when pulumi-token-lsp-flymake-mode
    (add-hook 'flymake-diagnostic-functions #'pulumi-token-lsp-flymake-backend nil t)))

;;;###autoload
(define-minor-mode pulumi-token-lsp-flymake-mode
  "Flag hard-coded Pulumi access tokens with Flymake, beside eglot or any backend."
  :lighter nil
  (cond
   (pulumi-token-lsp-flymake-mode
    (add-hook 'flymake-diagnostic-functions #'pulumi-token-lsp-flymake-backend nil t)
    (add-hook 'eglot-managed-mode-hook #'pulumi-token-lsp--keep-backend nil t)
    (add-hook 'kill-buffer-hook #'pulumi-token-lsp--close nil t)
    (if flymake-mode (flymake-start) (flymake-mode 1)))
   (t
    (remove-hook 'flymake-diagnostic-functions #'pulumi-token-lsp-flymake-backend t)
    (remove-hook 'eglot-managed-mode-hook #'pulumi-token-lsp--keep-backend t)
    (remove-hook 'kill-buffer-hook #'pulumi-token-lsp--close t)
    (pulumi-token-lsp--close))))

;;; Code actions

(defun pulumi-token-lsp--apply-edits (edits)
  "Apply the LSP TextEdits EDITS (a sequence) to the current buffer."
  (let ((markers (mapcar (lambda (e)
                           (let ((range (plist-get e :range)))
                             (list (copy-marker (pulumi-token-lsp--point (plist-get range :start) pulumi-token-lsp--encoding))
                                   (copy-marker (pulumi-token-lsp--point (plist-get range :end) pulumi-token-lsp--encoding) t)
                                   (plist-get e :newText))))
                         edits)))
    (atomic-change-group
      (save-excursion
        (dolist (m markers)
          (goto-char (nth 0 m))
          (delete-region (nth 0 m) (nth 1 m))
          (insert (nth 2 m)))))))

(defun pulumi-token-lsp--edits-for (edit uri)
  "The TextEdits of the WorkspaceEdit EDIT that apply to URI."
  (append (cl-loop for change across (or (plist-get edit :documentChanges) [])
                   when (equal (plist-get (plist-get change :textDocument) :uri) uri)
                   append (append (plist-get change :edits) nil))
          (cl-loop for (key value) on (plist-get edit :changes) by #'cddr
                   when (equal (substring (symbol-name key) 1) uri)
                   append (append value nil))))

;;;###autoload
(defun pulumi-token-lsp-code-action ()
  "Pick one of the server's fixes for the token at point and apply it."
  (interactive)
  (unless pulumi-token-lsp--version (user-error "pulumi-token-lsp-flymake-mode is not checking this buffer"))
  (pulumi-token-lsp--sync)
  (let* ((here (point))
         (diags (cl-remove-if-not
                 (lambda (d)
                   (let ((r (plist-get d :range)))
                     (<= (pulumi-token-lsp--point (plist-get r :start) pulumi-token-lsp--encoding) here
                         (pulumi-token-lsp--point (plist-get r :end) pulumi-token-lsp--encoding))))
                 (append pulumi-token-lsp--diagnostics nil)))
         (range (if diags (plist-get (car diags) :range)
                  (list :start (pulumi-token-lsp--position here) :end (pulumi-token-lsp--position here))))
         (uri (pulumi-token-lsp--uri))
         (actions (append (jsonrpc-request (pulumi-token-lsp--connect) :textDocument/codeAction
                                           (list :textDocument (list :uri uri) :range range
                                                 :context (list :diagnostics (vconcat diags))))
                          nil))
         (titles (mapcar (lambda (a) (plist-get a :title)) actions))
         (preferred (cl-find-if (lambda (a) (plist-get a :isPreferred)) actions)))
    (unless actions (user-error "No pulumi-token-lsp fixes here"))
    (let* ((title (completing-read "Fix: " titles nil t nil nil
                                   (plist-get (or preferred (car actions)) :title)))
           (action (cl-find title actions :key (lambda (a) (plist-get a :title)) :test #'equal)))
      (pulumi-token-lsp--apply-edits (pulumi-token-lsp--edits-for (plist-get action :edit) uri))
      (when (plist-get action :command)
        (let ((command (plist-get action :command)))
          (jsonrpc-request (pulumi-token-lsp--connect) :workspace/executeCommand
                           (list :command (plist-get command :command)
                                 :arguments (or (plist-get command :arguments) [])))))
      (flymake-start))))

(provide 'pulumi-token-lsp-flymake)
;;; pulumi-token-lsp-flymake.el ends here
