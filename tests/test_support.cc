#include "test_support.h"

#include <catch2/catch.hpp>
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

}  // namespace audit::testing
