// libFuzzer target: the rule loader on an arbitrary YAML file. It may refuse the file, with every
// error placed in that file; it must never crash or throw.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  audit::Result<audit::RuleSet> loaded = audit::RuleSet::LoadFiles({{"house.yaml", yaml}});
  if (!loaded.ok()) {
    audit::fuzz::Require(loaded.error().file == "house.yaml");
    for (const audit::Error& e : loaded.error().more) audit::fuzz::Require(e.file == "house.yaml");
  }
  return 0;
}
