#include "pipeline/changed_files.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace audit {

namespace {

// Runs a command and returns its standard output, or an error when it fails.
Result<std::string> Capture(const std::string& command) {
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return Error::InFile(ErrorCode::kUsage, "git", "cannot run git");
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) out.append(buffer, n);
  if (pclose(pipe) != 0) return Error::InFile(ErrorCode::kUsage, "git", "git failed: " + command);
  return out;
}

// A revision name goes into a shell command: only the characters git revisions use are allowed.
bool SafeRevision(const std::string& ref) {
  if (ref.empty() || ref[0] == '-') return false;
  for (char c : ref) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '_' || c == '.' || c == '-' || c == '~' || c == '^' ||
                    c == '@' || c == '{' || c == '}';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string GitTopLevel() {
  Result<std::string> top = Capture("git rev-parse --show-toplevel");
  if (!top.ok()) return {};
  std::string root = top.value();
  while (!root.empty() && (root.back() == '\n' || root.back() == '\r')) root.pop_back();
  return root;
}

std::string CanonicalPath(const std::string& path) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

Result<std::set<std::string>> FilesChangedSince(const std::string& ref) {
  if (!SafeRevision(ref)) {
    return Error::InFile(ErrorCode::kUsage, "--changed-since", "not a git revision: " + ref);
  }
  const std::string root = GitTopLevel();
  if (root.empty())
    return Error::InFile(ErrorCode::kUsage, "--changed-since", "not inside a git repository");
  Result<std::string> diff = Capture("git diff --name-only --diff-filter=ACMRT " + ref + " --");
  if (!diff.ok())
    return Error::InFile(ErrorCode::kUsage, "--changed-since", "unknown git revision: " + ref);
  Result<std::string> untracked =
      Capture("git ls-files --others --exclude-standard --full-name :/");
  std::set<std::string> files;
  std::istringstream lines(diff.value() + (untracked.ok() ? untracked.value() : std::string()));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) files.insert(CanonicalPath(root + "/" + line));
  }
  return files;
}

}  // namespace audit
