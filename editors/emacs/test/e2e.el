;;; e2e.el --- End-to-end test of editors/emacs in Emacs batch with Debian's eglot  -*- lexical-binding: t; -*-

;; Run by test/run.sh: emacs --batch -Q -L editors/emacs -l test/e2e.el, with PTL_SERVER in the
;; environment.  Exits 0 on success, 1 on a failure, 77 when
;; everything ran except the code-action steps (the server offered no fix).

;;; Code:

(require 'cl-lib)
(load (expand-file-name "ptl-test" (file-name-directory load-file-name)) nil t)
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'pulumi-token-lsp)
(require 'pulumi-token-lsp-flymake)

(defvar ptl-skipped nil)
(defconst ptl-server (getenv "PTL_SERVER"))
(defconst ptl-work (file-name-as-directory (make-temp-file "ptl-emacs-" t)))

(defun ptl-token (name)
  "A realistic token made at run time (the repository holds none)."
  (concat "pul" "-" (secure-hash 'sha1 (concat "pulumi-token-lsp emacs " name))))

(defun ptl-mask (token) (concat (substring token 0 8) "…"))

(defun ptl-write (name lines)
  (with-temp-file (concat ptl-work name)
    (insert (mapconcat #'identity lines "\n") "\n"))
  (concat ptl-work name))

(defun ptl-diags (type)
  "This buffer's Flymake diagnostics of TYPE."
  (cl-remove-if-not (lambda (d) (eq (flymake-diagnostic-type d) type)) (flymake-diagnostics)))

(defun ptl-check-span (what diag line token)
  "Check that DIAG covers TOKEN on LINE (1-based), in characters from the line start.
Not `current-column': emoji and CJK are two columns wide on screen."
  (let* ((text (save-excursion (goto-char (point-min)) (forward-line (1- line))
                               (buffer-substring (line-beginning-position) (line-end-position))))
         (want (string-search token text))
         (beg (and diag (flymake-diagnostic-beg diag)))
         (end (and diag (flymake-diagnostic-end diag)))
         (col (lambda (pos) (save-excursion (goto-char pos) (- pos (line-beginning-position))))))
    (ptl-check what (and diag (= (line-number-at-pos beg) line) (= (funcall col beg) want)
                         (= (- end beg) 44))
               (format "characters %s-%s, want %d-%d"
                       (and beg (funcall col beg)) (and end (funcall col end)) want (+ want 44)))))

(defun ptl-pick-default (&rest args)
  "A `completing-read' that takes the default, recording the choices offered."
  (ptl-say "     menu: %d entries, default \"%s\"" (length (nth 1 args)) (nth 6 args))
  (nth 6 args))

(defun ptl-eglot ()
  "eglot runs pulumi-token-lsp for sh-mode; settings through `eglot-workspace-configuration'."
  (let* ((token (ptl-token "eglot"))
         (line (format "echo \"🚀 部署 ok\"; export PULUMI_ACCESS_TOKEN=%s" token)))
    (find-file (ptl-write "deploy.sh" (list "#!/usr/bin/env bash" line "pulumi up --yes")))
    (eglot-ensure)
    (run-hooks 'post-command-hook)
    (ptl-check "eglot: connected to pulumi-token-lsp"
               (ptl-wait (lambda () (eglot-current-server))))
    (ptl-check "eglot: a diagnostic with the workspace configuration's severity (warning)"
               (ptl-wait (lambda () (ptl-diags 'eglot-warning)))
               (ptl-mask token))
    (ptl-check-span "eglot: it covers the token after emoji and CJK" (car (ptl-diags 'eglot-warning)) 2 token)
    (goto-char (+ (flymake-diagnostic-beg (car (ptl-diags 'eglot-warning))) 5))
    (if (null (eglot-code-actions (point) (point)))
        (progn (ptl-say "SKIP eglot code action: the server returned none; the code-action steps did not run")
               (setq ptl-skipped t))
      (let ((last-nonmenu-event 13))
        (cl-letf (((symbol-function 'completing-read) #'ptl-pick-default))
          (eglot-code-actions (point) (point) nil t)))
      (ptl-check "eglot: the preferred fix removed the token" (not (string-search token (buffer-string))))
      (let ((fixed (save-excursion (goto-char (point-min)) (forward-line 1)
                                   (buffer-substring (line-beginning-position) (line-end-position)))))
        (ptl-check "eglot: the token now reads the configured variable"
                   (equal fixed "echo \"🚀 部署 ok\"; export PULUMI_ACCESS_TOKEN=\"${MY_PULUMI_TOKEN}\"") fixed))
      (ptl-check "eglot: the diagnostic goes away" (ptl-wait (lambda () (null (ptl-diags 'eglot-warning))))))))

(defconst ptl-ci-token (ptl-token "workspace"))
(defconst ptl-ci-line (format "      - run: echo \"🚀 部署 ok\" && PULUMI_ACCESS_TOKEN=%s pulumi up --yes" ptl-ci-token))

(defun ptl-write-unvisited ()
  "A file with a token that no buffer visits, there before eglot starts the server."
  (make-directory (concat ptl-work "ci") t)
  (ptl-write "ci/release.yml" (list "name: release" "on: push" "jobs:" "  deploy:" "    steps:" ptl-ci-line)))

(defun ptl-workspace ()
  "Workspace diagnostics under eglot 1.9: the server scanned the project when eglot started it;
the file no buffer visits is listed with its token's line and column, and `next-error' visits it."
  (let* ((file (concat ptl-work "ci/release.yml"))
         (column (1+ (string-search ptl-ci-token ptl-ci-line)))  ; characters, from 1
         (kept (lambda () (cl-find-if (lambda (row) (and (equal (plist-get row :file) file)
                                                         (eql (plist-get row :severity) 2)))
                                      (pulumi-token-lsp-workspace-tokens)))))
    (ptl-check "workspace: ci/release.yml was never visited" (null (find-buffer-visiting file)))
    (ptl-check "workspace: its diagnostic is kept, with the workspace configuration's severity"
               (ptl-wait kept) (ptl-mask ptl-ci-token))
    (let ((want (format "ci/release.yml:6:%d: warning: Hard-coded Pulumi access token" column))
          (list (pulumi-token-lsp-list-workspace-tokens)))
      (with-current-buffer list
        (ptl-check "workspace: the list is a compilation-mode buffer" (derived-mode-p 'compilation-mode))
        (ptl-check "workspace: the list holds the token's line and column (characters, after emoji and CJK)"
                   (string-search want (buffer-string))
                   (replace-regexp-in-string "\n" " | " (buffer-string)))
        (ptl-check "workspace: the list never holds the full token" (not (string-search ptl-ci-token (buffer-string)))))
      (next-error)
      ;; As after a command: the selected window's buffer and point are what the user sees.
      (with-current-buffer (window-buffer (selected-window))
        (goto-char (window-point))
        (ptl-check "workspace: next-error visits the file at the token"
                   (and (equal (buffer-file-name) file) (= (line-number-at-pos) 6)
                        (looking-at (regexp-quote ptl-ci-token)))
                   (format "%s line %d character %d" (buffer-file-name) (line-number-at-pos)
                           (1+ (- (point) (line-beginning-position)))))
        (ptl-check "workspace: a visited file leaves the list" (null (funcall kept)))
        (kill-buffer)))))

(defun ptl-beside-eglot ()
  "The Flymake backend keeps working in a buffer that eglot manages (eglot 1.9 resets the backends)."
  (let ((token (ptl-token "beside")))
    ;; As in a user's init file: our mode from the major-mode hook, then eglot takes the buffer
    ;; over (the server of deploy.sh already runs for sh-mode) and resets the Flymake backends.
    (add-hook 'sh-mode-hook #'pulumi-token-lsp-flymake-mode)
    (find-file (ptl-write "second.sh" (list (format "TOKEN=%s" token))))
    (remove-hook 'sh-mode-hook #'pulumi-token-lsp-flymake-mode)
    (ptl-wait (lambda () (eglot-current-server)))
    (ptl-check "beside eglot: both backends are on" (and (memq 'eglot-flymake-backend flymake-diagnostic-functions)
                                                        (memq 'pulumi-token-lsp-flymake-backend flymake-diagnostic-functions)))
    (flymake-start)
    (ptl-check "beside eglot: eglot's and the Flymake backend's diagnostics both appear"
               (ptl-wait (lambda () (and (ptl-diags 'eglot-warning) (ptl-diags :error)))))
    (pulumi-token-lsp-flymake-mode -1)))

(defun ptl-flymake ()
  "The Flymake backend alone, in python-mode, with a code action through `completing-read'."
  (let* ((token (ptl-token "flymake"))
         (line (format "banner = \"🚀 部署 ok\"; token = \"%s\"" token)))
    (find-file (ptl-write "__main__.py" (list "import pulumi" line "pulumi.export(\"ok\", True)")))
    (pulumi-token-lsp-flymake-mode 1)
    (ptl-check "flymake: a diagnostic arrives (error)" (ptl-wait (lambda () (ptl-diags :error))) (ptl-mask token))
    (ptl-check "flymake: positions negotiated in UTF-32" (equal pulumi-token-lsp--encoding "utf-32")
               pulumi-token-lsp--encoding)
    (ptl-check-span "flymake: it covers the token after emoji and CJK" (car (ptl-diags :error)) 2 token)
    (goto-char (+ (flymake-diagnostic-beg (car (ptl-diags :error))) 5))
    (condition-case err
        (progn
          (cl-letf (((symbol-function 'completing-read) #'ptl-pick-default))
            (pulumi-token-lsp-code-action))
          (ptl-check "flymake: the preferred fix removed the token" (not (string-search token (buffer-string))))
          (ptl-check "flymake: the quoted literal now reads the configured variable"
                     (string-match-p "^banner = \"🚀 部署 ok\"; token = os\\.environ\\[\"MY_PULUMI_TOKEN\"\\]$"
                                     (buffer-string))
                     (replace-regexp-in-string "\n" " | " (buffer-string)))
          (ptl-check "flymake: os is imported" (string-match-p "^import os$" (buffer-string)))
          (ptl-check "flymake: the diagnostic goes away" (ptl-wait (lambda () (null (ptl-diags :error))))))
      (user-error
       (ptl-say "SKIP flymake code action: %s; the code-action steps did not run" (error-message-string err))
       (setq ptl-skipped t)))))

(defun ptl-main ()
  (setq pulumi-token-lsp-server-command (list ptl-server "--stdio")
        pulumi-token-lsp-settings '(:environmentVariable "MY_PULUMI_TOKEN"))
  (setq-default eglot-workspace-configuration
                '(:pulumiTokenLsp (:severity "warning" :environmentVariable "MY_PULUMI_TOKEN")))
  (pulumi-token-lsp-eglot-register '(sh-mode))
  (ptl-write-unvisited)
  (ptl-eglot)
  (ptl-workspace)
  (ptl-beside-eglot)
  (ptl-flymake)
  (ptl-eglot-shutdown)
  ;; The Flymake client's own server: started again by the last check, so it is running here.
  (ptl-check "flymake: the server exits with code 0 after shutdown and exit"
             (eql (pulumi-token-lsp-shutdown) 0)))

(defun ptl-eglot-shutdown ()
  "Shut eglot's server down with eglot's own messages; the request must succeed and the process
must exit by itself with code 0 (regression, issue 12: eglot 1.9 sends `params: null' on shutdown
and exit, which the server refused with -32600).
`eglot-shutdown' ends in `jsonrpc-shutdown', which in Emacs 28 deletes the process right after
sending exit (jsonrpc.el, `jsonrpc-shutdown': `delete-process' on the first pass), so the exit
code a server would give is never seen that way.  This sends what `eglot-shutdown' sends, on the
same connection, and waits for the process to end on its own."
  (let* ((server (car (gethash (eglot--current-project) eglot--servers-by-project)))
         (proc (and server (jsonrpc--process server))))
    (when (ptl-check "eglot: a server is running before shutdown" (and proc (process-live-p proc)))
      (setf (eglot--shutdown-requested server) t)
      (ptl-check "eglot: the shutdown request succeeds"
                 (condition-case err (progn (jsonrpc-request server :shutdown nil :timeout 5) t)
                   (error (ptl-say "     %s" (error-message-string err)) nil)))
      (jsonrpc-notify server :exit nil)
      (ptl-check "eglot: the server process ends by itself after exit"
                 (ptl-wait (lambda () (not (process-live-p proc))) 5))
      (ptl-check "eglot: the server exits with code 0" (eql (process-exit-status proc) 0)
                 (format "%s %s" (process-status proc) (process-exit-status proc))))))

(condition-case err
    (ptl-main)
  (error (ptl-check "the test ran to the end" nil (error-message-string err))))
(ptl-say "emacs e2e (Emacs %s, %s): %d failure(s)%s" emacs-version
         (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot")))) ptl-failures (if ptl-skipped ", code-action steps SKIPPED" ""))
(delete-directory ptl-work t)
(kill-emacs (cond ((> ptl-failures 0) 1) (ptl-skipped 77) (t 0)))
;;; e2e.el ends here
