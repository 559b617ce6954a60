#pragma once

#include <vector>

#include "remediation/fix.h"
#include "remediation/fix_context.h"

namespace ptl::remediation {

// The fixes for a token in a Jupyter notebook (.ipynb, nbformat 4: a JSON document whose code
// cells hold their Python source as a string or an array of strings). A token in a code cell's
// source gets the Python fixes of that cell's source: the cell is decoded, fixed as Python
// (imports at the top of the cell, helpers after them), and its whole "source" array written
// back JSON-escaped, one string per line as Jupyter writes it. A token anywhere else (an
// output, a Markdown cell, metadata) is text to read: it gets the Redact fix. Empty when the
// JSON around the token cannot be read. Linear in the size of the notebook.
std::vector<Fix> notebook_fixes(const FixContext& context);

}  // namespace ptl::remediation
