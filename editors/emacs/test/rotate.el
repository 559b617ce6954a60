;;; rotate.el --- The guided rotation in Emacs batch with eglot 1.9  -*- lexical-binding: t; -*-

;; The guided rotation (issue 15) in the real eglot, run by tests/verify/editors_rotation_test.py
;; against its stand-ins of the Pulumi API and the stores:
;;   emacs --batch -Q -L editors/emacs -l editors/emacs/test/rotate.el
;; Environment: PTL_SERVER (the binary), PTL_FILE (the leaked file), PTL_BACKEND (verifyBackend),
;; PTL_STORE (the store button's beginning, e.g. "HashiCorp Vault"), PTL_CANCEL_AT (optional: the
;; step whose question is answered "Cancel", e.g. "Delete"), PTL_REPORT (where the JSON report
;; goes), and the store's variables, which the server inherits from Emacs.
;;
;; Only the UI primitives are replaced, never an eglot handler: `completing-read' (the code-action
;; menu, and what eglot 1.9 asks window/showMessageRequest with), `y-or-n-p' (eglot's confirmation
;; of a server-initiated edit, `eglot-confirm-server-initiated-edits' being `confirm'), and
;; `message' (what eglot shows window/showMessage with) is recorded.  eglot decodes the questions,
;; answers the server and applies workspace/applyEdit to the buffer.  Then the buffer is saved and
;; the server shut down.  Exits 0 when the flow reached its last message and the file was saved,
;; 1 otherwise; the driver asserts the outcome from the report and the stand-ins.

;;; Code:

(require 'cl-lib)
(load (expand-file-name "ptl-test" (file-name-directory load-file-name)) nil t)
(require 'json)
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'pulumi-token-lsp)

(defun ptl-env (name)
  (or (getenv name) (error "%s is not set" name)))

(defconst ptl-server (ptl-env "PTL_SERVER"))
(defconst ptl-file (ptl-env "PTL_FILE"))
(defconst ptl-store (ptl-env "PTL_STORE"))
(defconst ptl-cancel-at (getenv "PTL_CANCEL_AT"))
(defconst ptl-rotate-command "pulumi-token-lsp.rotateToken")

(defvar ptl-menu nil "The code-action menu's titles.")
(defvar ptl-questions nil "Each window/showMessageRequest: (message titles answer), latest first.")
(defvar ptl-confirms nil "Each `y-or-n-p' prompt, latest first.")
(defvar ptl-shown nil "Each window/showMessage: (type . message), latest first.")
(defvar ptl-stalled nil "Whether the first question was left unread after executeCommand's reply.")

(defun ptl-record-message (fmt &rest args)
  "Before `message': keep what eglot 1.9 shows a window/showMessage with,
\"[eglot] Server reports (type=N): MESSAGE\"."
  (when fmt
    (let ((text (apply #'format-message fmt args)))
      (when (string-match "\\`\\[eglot\\] Server reports (type=\\([0-9]+\\)): \\(\\(?:.\\|\n\\)*\\)\\'" text)
        (push (cons (string-to-number (match-string 1 text)) (match-string 2 text)) ptl-shown)))))

(defun ptl-last-message ()
  "The flow's last message: the first one that is not a step's report (\"Rotation (\")."
  (cl-find-if-not (lambda (m) (string-prefix-p "Rotation (" (cdr m))) (reverse ptl-shown)))

(defun ptl-completing-read (prompt collection &rest _)
  "The user's side of eglot's two `completing-read's.
The code-action menu (COLLECTION: (title . action) pairs): the rotate action.
A window/showMessageRequest (PROMPT \"[eglot] Server reports (type=N): MESSAGE
Choose an option: \", COLLECTION the titles): the store, then each step's first
button (its yes), or \"Cancel\" at PTL_CANCEL_AT."
  (cond
   ((string-prefix-p "[eglot] Pick an action" prompt)
    (setq ptl-menu (mapcar #'car collection))
    (car (cl-find-if (lambda (item) (equal (plist-get (plist-get (cdr item) :command) :command) ptl-rotate-command))
                     collection)))
   ((string-match "\\`\\[eglot\\] Server reports (type=[0-9]+): \\(\\(?:.\\|\n\\)*\\)\nChoose an option: \\'" prompt)
    (let* ((message (match-string 1 prompt))
           (answer (cond ((string-prefix-p "Rotate the Pulumi access token" message)
                          (cl-find-if (lambda (title) (string-prefix-p ptl-store title)) collection))
                         ((equal (car collection) ptl-cancel-at) "Cancel")
                         (t (car collection)))))
      (push (list message collection answer) ptl-questions)
      answer))
   (t (error "Unexpected completing-read: %s" prompt))))

(defun ptl-y-or-n-p (prompt)
  "The user confirms eglot's question before a server-initiated edit."
  (push prompt ptl-confirms)
  t)

(defun ptl-report ()
  "The JSON report for the driver."
  (json-encode
   `((menu . ,(vconcat ptl-menu))
     (questions . ,(vconcat (mapcar (lambda (q) `((message . ,(nth 0 q)) (titles . ,(vconcat (nth 1 q)))
                                                  (answer . ,(or (nth 2 q) :null))))
                                    (reverse ptl-questions))))
     (confirms . ,(vconcat (reverse ptl-confirms)))
     (stalled . ,(if ptl-stalled t :json-false))
     (shown . ,(vconcat (mapcar (lambda (m) `((type . ,(car m)) (message . ,(cdr m)))) (reverse ptl-shown))))
     (last . ,(let ((m (ptl-last-message))) (if m `((type . ,(car m)) (message . ,(cdr m))) :null))))))

(defun ptl-rotate ()
  (setq pulumi-token-lsp-server-command (list ptl-server "--stdio")
        pulumi-token-lsp-settings `(:verifyBackend ,(ptl-env "PTL_BACKEND") :workspaceDiagnostics "off"
                                    :historyCheck :json-false))
  (find-file ptl-file)
  ;; Emacs 28 has no TypeScript mode: a .ts file opens in `fundamental-mode', which has no other
  ;; language server, so eglot runs ours there (the server reads the language from the extension).
  (pulumi-token-lsp-eglot-register (list major-mode))
  (eglot-ensure)
  (run-hooks 'post-command-hook)
  (unless (ptl-check "eglot: connected to pulumi-token-lsp" (ptl-wait #'eglot-current-server))
    (error "No server"))
  (let ((diag (ptl-wait (lambda () (car (flymake-diagnostics))))))
    (unless (ptl-check "eglot: the leaked token gets its diagnostic" diag)
      (error "No diagnostic"))
    (goto-char (+ (flymake-diagnostic-beg diag) 5)))
  (cl-letf (((symbol-function 'completing-read) #'ptl-completing-read)
            ((symbol-function 'y-or-n-p) #'ptl-y-or-n-p))
    ;; M-x eglot-code-actions at the token, the menu read with `completing-read' (not a popup:
    ;; `last-nonmenu-event' a key, as after a keyboard command).
    (let ((last-nonmenu-event 13))
      (eglot-code-actions (point) (point) nil t))
    ;; jsonrpc 1.0.14 (Emacs 28) reads the server's messages in the process filter and leaves it
    ;; by a `throw' when the reply `jsonrpc-request' waits for arrives; messages that came in the
    ;; same read after that reply stay unparsed in the process buffer until the server writes
    ;; again.  The first question is sent right after executeCommand's reply, so it is sometimes
    ;; stuck there while the server waits for its answer.  In an interactive Emacs, eldoc's idle
    ;; timer (eglot turns `eldoc-mode' on) sends a hover request after the command: its reply makes
    ;; the filter run and read the question.  Idle timers do not run in batch, so this does what
    ;; the timer does.  Whether the question was stuck is recorded.
    (setq ptl-stalled (and (null ptl-questions)
                           (> (with-current-buffer (process-buffer (jsonrpc--process (eglot-current-server)))
                                (buffer-size))
                              0)))
    (eldoc)
    (ptl-check "eglot: the menu offered the rotate action"
               (cl-some (lambda (title) (string-prefix-p "Rotate this token" title)) ptl-menu)
               (format "%d entries" (length ptl-menu)))
    (ptl-check "eglot: the flow reaches its last message" (ptl-wait #'ptl-last-message 60)
               (format "%d questions, %d messages" (length ptl-questions) (length ptl-shown))))
  (save-buffer)
  (ptl-check "the buffer is saved" (not (buffer-modified-p)))
  (eglot-shutdown (eglot-current-server)))

(advice-add 'message :before #'ptl-record-message)
(condition-case err
    (ptl-rotate)
  (error (ptl-check "the script ran to the end" nil (error-message-string err))))
(advice-remove 'message #'ptl-record-message)
(with-temp-file (ptl-env "PTL_REPORT") (insert (ptl-report)))
(ptl-say "emacs rotate (Emacs %s, %s): %d failure(s)" emacs-version
         (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot")))) ptl-failures)
(kill-emacs (if (> ptl-failures 0) 1 0))
;;; rotate.el ends here
