#include "rules/cue_prefilter.h"

#include "rules/pattern_compiler.h"

namespace audit {

CuePrefilter::CuePrefilter(std::vector<const RE2*> patterns, size_t calls_before_filter)
    : size_(patterns.size()) {
  if (patterns.empty()) return;  // nothing to filter (FilteredRE2 would complain)
  filter_ = std::make_unique<BuiltWhenUsed<Filter>>(
      calls_before_filter, [patterns = std::move(patterns)] { return Build(patterns); });
}

std::unique_ptr<CuePrefilter::Filter> CuePrefilter::Build(const std::vector<const RE2*>& patterns) {
  auto f = std::make_unique<Filter>();
  for (size_t i = 0; i < patterns.size(); ++i) {
    int id = -1;
    if (f->filter.Add(patterns[i]->pattern(), patterns[i]->options(), &id) != RE2::NoError)
      return nullptr;
    f->rule_of_filter_id.push_back(static_cast<int>(i));
  }
  std::vector<std::string> atoms;
  f->filter.Compile(&atoms);
  if (atoms.empty()) return f;  // every rule is unfiltered
  RE2::Options options = RuleRe2Options();
  options.set_case_sensitive(false);
  f->atoms = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) {
    if (f->atoms->Add(RE2::QuoteMeta(atom), nullptr) < 0) return nullptr;
  }
  if (!f->atoms->Compile()) return nullptr;
  return f;
}

void CuePrefilter::MayMatch(std::string_view text, std::vector<bool>* may_match,
                            std::vector<int>* atoms, std::vector<int>* rules) const {
  const Filter* f = filter_ ? filter_->Get() : nullptr;
  may_match->assign(size_, f == nullptr);
  if (!f) return;
  atoms->clear();
  if (f->atoms) f->atoms->Match(re2::StringPiece(text.data(), text.size()), atoms);
  rules->clear();
  f->filter.AllPotentials(*atoms, rules);
  for (int id : *rules) (*may_match)[static_cast<size_t>(f->rule_of_filter_id[id])] = true;
}

}  // namespace audit
