;;; ptl-test.el --- What the Emacs tests (e2e.el, rotate.el) share  -*- lexical-binding: t; -*-

;;; Commentary:
;; Loaded by each test from its own directory: the report lines, the failure count, and waiting
;; on the event loop.

;;; Code:

(require 'cl-lib)

(defvar ptl-failures 0)

(defun ptl-say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun ptl-check (what ok &optional detail)
  (ptl-say "%s %s%s" (if ok "ok  " "FAIL") what (if detail (format " (%s)" detail) ""))
  (unless ok (cl-incf ptl-failures))
  ok)

(defun ptl-wait (pred &optional seconds)
  "Run the event loop until PRED returns non-nil or SECONDS (default 10) pass; return PRED's value."
  (let ((deadline (+ (float-time) (or seconds 10))) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(provide 'ptl-test)
;;; ptl-test.el ends here
