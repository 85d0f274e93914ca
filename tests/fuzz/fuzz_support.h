// Shared by the libFuzzer targets: the news rule pack, loaded once per fuzzing process (a fuzz
// target has no other place to keep it), and a way to make a SourceFile from the fuzzer's bytes.
#ifndef AUDIT_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define AUDIT_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "base/source_file.h"
#include "rules/rule_set.h"

namespace audit::fuzz {

inline const RuleSet& NewsRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> loaded = RuleSet::LoadDirectory(AUDIT_DEFAULT_RULES);
    if (!loaded.ok()) {
      std::cerr << "fuzz: cannot load the news pack: " << loaded.error().message << '\n';
      std::abort();
    }
    return new RuleSet(loaded.take());
  }();
  return *rules;
}

inline SourceFile FileFrom(const uint8_t* data, size_t size, const char* name) {
  return SourceFile(name, std::string(reinterpret_cast<const char*>(data), size));
}

// Fails the run (libFuzzer reports it as a crash) when an invariant does not hold.
inline void Require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace audit::fuzz

#endif  // AUDIT_TESTS_FUZZ_FUZZ_SUPPORT_H_
