#pragma once

#include <cstddef>
#include <optional>
#include <utility>

#include "remediation/fix_context.h"
#include "remediation/source_lexer.h"

namespace ptl::remediation {

// What the code around a token's string literal lets a fix put in its place, in a program
// language (TypeScript, JavaScript, Python, Go, C#, Java). A Pulumi Output (a config secret, a
// `pulumi.secret(...)` of a promise) type-checks only where the value flows into a resource
// input (`Input<string>`) or into a template that takes Outputs; everywhere else a plain string
// is required (HTTP headers, URLs, Automation API settings, a `string` variable), and a fix must
// give one or not be offered.
//
// The answers come from the text around the literal, not from a type checker: where the text
// does not show that an Output is accepted, output_ok is false, so the fixes fall back to forms
// that give a plain string. A file that imports no Pulumi SDK gets all-false answers. Each rule
// is written where it is decided, in value_context.cpp.
struct ValueContext {
  // A Pulumi Output is accepted where the literal's value goes:
  //  - TS/JS: the literal is a property value in the arguments object of `new a.b.Name(...)`
  //    (nested objects included), or a `const`/`let` whose every use is one, a hole of a
  //    `pulumi.interpolate` template, or an `export`;
  //  - Python: a keyword argument of a call of a capitalised callee (`aws.s3.Bucket(...)`), or
  //    a module/function variable whose every use is one, or `pulumi.export(...)`'s value;
  //  - Go: the sole argument of `pulumi.String(...)`/`pulumi.StringPtr(...)` (see wrapper);
  //  - C#: the value of a member of an object initializer `new SomethingArgs { ... }`;
  //  - Java: the sole argument of a builder method of a `SomethingArgs.builder()` chain.
  bool output_ok = false;
  // TS/JS: the literal is a template tagged `<alias>.interpolate`, whose holes take Outputs: an
  // Output goes straight into `${...}`, the tag stays.
  bool output_template = false;
  // Go: the `pulumi.String(...)` call around the literal, replaced whole by the Output (a
  // StringOutput is a StringInput and a StringPtrInput, a string inside pulumi.String is not).
  std::optional<std::pair<std::size_t, std::size_t>> wrapper;
  // A Pulumi program's context is in scope where stack config can be read: Go `ctx
  // *pulumi.Context`, Java `Context ctx` as a parameter of an enclosing function; TS/JS,
  // Python, C#: true. False in an Automation API program (see automation).
  bool config_readable = false;
  // The file drives Pulumi through the Automation API (LocalWorkspace): there is no stack
  // config, and Outputs mean nothing outside a Pulumi program.
  bool automation = false;
};

// The context of the literal `literal` (null: the token stands in bare code) holding the
// token of `c`. Linear in the size of the text (the uses of a variable are searched once).
ValueContext value_context(const FixContext& c, const SourceSpan* literal);

}  // namespace ptl::remediation
