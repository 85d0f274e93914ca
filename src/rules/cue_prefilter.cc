#include "rules/cue_prefilter.h"

#include "rules/prefilter_stand_in.h"

namespace audit {

CuePrefilter::CuePrefilter(std::vector<std::string> patterns, const RE2::Options& options,
                           size_t calls_before_filter)
    : size_(patterns.size()) {
  if (patterns.empty()) return;  // nothing to filter (FilteredRE2 would complain)
  filter_ = std::make_unique<BuiltWhenUsed<Filter>>(
      calls_before_filter,
      [patterns = std::move(patterns), options] { return Build(patterns, options); });
}

std::unique_ptr<CuePrefilter::Filter> CuePrefilter::Build(const std::vector<std::string>& patterns,
                                                          const RE2::Options& options) {
  auto f = std::make_unique<Filter>();
  for (size_t i = 0; i < patterns.size(); ++i) {
    int id = -1;
    // The filter is only asked for atoms: it compiles a cheaper pattern with the same ones.
    if (f->filter.Add(PrefilterStandIn(patterns[i]), options, &id) != RE2::NoError) return nullptr;
    f->rule_of_filter_id.push_back(static_cast<int>(i));
  }
  std::vector<std::string> atoms;
  f->filter.Compile(&atoms);
  f->atoms = LiteralScanner(std::move(atoms));
  std::vector<int> ids;
  f->filter.AllPotentials({}, &ids);
  f->by_punctuation.assign(patterns.size(), false);
  for (int id : ids) {
    const auto rule = static_cast<size_t>(f->rule_of_filter_id[static_cast<size_t>(id)]);
    if (f->punctuation.Add(patterns[rule], options)) {
      f->rule_of_punctuation.push_back(rule);
      f->by_punctuation[rule] = true;
    } else {
      f->unfiltered.push_back(static_cast<int>(rule));
    }
  }
  return f;
}

void CuePrefilter::MayMatch(std::string_view text, std::vector<bool>* may_match,
                            Scratch* scratch) const {
  const Filter* f = filter_ ? filter_->Get() : nullptr;
  may_match->assign(size_, f == nullptr);
  if (!f) return;
  f->atoms.FindAll(text, &scratch->atoms, &scratch->seen_atoms);
  if (scratch->atoms.empty()) {  // most sentences: only the rules without atoms
    for (int rule : f->unfiltered) (*may_match)[static_cast<size_t>(rule)] = true;
  } else {
    f->filter.AllPotentials(scratch->atoms, &scratch->rules);
    for (int id : scratch->rules) {
      const auto rule = static_cast<size_t>(f->rule_of_filter_id[static_cast<size_t>(id)]);
      if (!f->by_punctuation[rule]) (*may_match)[rule] = true;
    }
  }
  if (f->punctuation.size() == 0) return;
  const uint64_t bytes = f->punctuation.BytesOf(text);
  for (size_t k = 0; k < f->punctuation.size(); ++k) {
    if (f->punctuation.MayMatch(k, bytes)) (*may_match)[f->rule_of_punctuation[k]] = true;
  }
}

}  // namespace audit
