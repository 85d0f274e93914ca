#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace audit::testing {

const RuleSet& NewsRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> loaded = RuleSet::LoadDirectory(std::string(AUDIT_SOURCE_DIR) + "/rules/news");
    if (!loaded.ok())
      throw std::runtime_error("rules/news does not load: " + loaded.error().message);
    return new RuleSet(loaded.take());
  }();
  return *rules;
}

FileReport AuditString(const std::string& text, const std::string& publisher,
                       const std::string& name) {
  AuditOptions options;
  options.publisher = publisher;
  Auditor auditor(NewsRules(), options);
  return auditor.AuditText(name, text);
}

const SentenceVerdict& SentenceStartingWith(const FileReport& report, const std::string& prefix) {
  for (const auto& s : report.analysis.sentences) {
    if (s.text.rfind(prefix, 0) == 0) return s;
  }
  FAIL("no sentence starts with: " << prefix);
  throw std::logic_error("unreachable");
}

size_t CountFindings(const FileReport& report, const std::string& rule) {
  size_t n = 0;
  for (const auto& f : report.analysis.findings) n += f.rule == rule;
  return n;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CommandResult RunCommand(const std::string& command) {
  CommandResult run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::filesystem::path TempPath(const std::string& name) {
  // The process number goes before the extension, which says a file's format.
  const size_t dot = name.rfind('.');
  const size_t stem = dot == std::string::npos ? name.size() : dot;
  return std::filesystem::temp_directory_path() /
         (name.substr(0, stem) + "-" + std::to_string(static_cast<long>(getpid())) +
          name.substr(stem));
}

ScratchDir::ScratchDir(const std::string& name) : path_(TempPath("audit-" + name)) {
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ScratchDir::Write(const std::string& relative, const std::string& text) const {
  const std::filesystem::path file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file.string();
}

}  // namespace audit::testing
