// Writing a whole file so that no reader ever sees half of it: the text goes to a temporary name in
// the same folder, which is then renamed over the target. Every file the tool writes (reports,
// pages, baselines, --output, a starter config) goes through here or through TempNameFor.
#ifndef AUDIT_BASE_ATOMIC_FILE_H_
#define AUDIT_BASE_ATOMIC_FILE_H_

#include <string>

namespace audit {

// The temporary name `path` is first written under (in its folder, unique to this process).
std::string TempNameFor(const std::string& path);

// Writes `text` to `path` through TempNameFor(path); false when writing or renaming fails (the
// temporary file is then removed).
bool WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace audit

#endif  // AUDIT_BASE_ATOMIC_FILE_H_
