#pragma once
// The fix for a token hidden, encoded, in a Kubernetes Secret manifest's `data:` (base64, as
// Kubernetes requires there): the entry is taken out of the manifest, and comments in its place
// say how to create the Secret from an env file that is never committed.
//
// Why not a rewrite, as for a token written out: the fix would have to write the decoded token
// (into `stringData`) or break the encoding. And why not `stringData` read from a secret store:
// a core Secret cannot reference one (only operators such as External Secrets define such
// references); anything written there would be applied literally, a Secret that silently holds
// the wrong value. Without the entry, a workload that needs the key fails loudly until the Secret
// is created as the comment says.
//
// Pure, no I/O, never throws; the edit never copies the encoded value, and the title and the
// comments are built from the key and the Secret's name only when they cannot hold a token.

#include <cstddef>
#include <optional>
#include <string_view>

#include "remediation/fix.h"

namespace ptl::remediation {

// The fix for the encoded value at text[begin, end) when it is the value of a one-line entry
// under the top-level block mapping `data:` of a YAML document whose top level has
// `kind: Secret` (documents split at "---"); nullopt otherwise (flow style, a value over several
// lines, JSON manifests). The edit replaces the entry's line, without its line break, by
// comments at the entry's indentation, so the result is valid YAML with the same other keys.
//
//   data:                      data:
//     token: cHVsLT...   ->      # token: taken out; it held a Pulumi access token ...
//     url: aHR0cHM=              #   kubectl create secret generic creds --from-env-file=creds.env
//                                url: aHR0cHM=
std::optional<Fix> recreate_secret_fix(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace ptl::remediation
