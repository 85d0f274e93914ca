#include "rules/cue_prefilter.h"

namespace audit {

CuePrefilter::CuePrefilter(std::vector<const RE2*> patterns, size_t calls_before_filter)
    : size_(patterns.size()) {
  if (patterns.empty()) return;  // nothing to filter (FilteredRE2 would complain)
  filter_ = std::make_unique<BuiltWhenUsed<Filter>>(
      calls_before_filter, [patterns = std::move(patterns)] { return Build(patterns); });
}

namespace {

// Gives each byte `filter`'s atoms use a bit of *byte_bit, unless the 64 bits would not do.
bool GiveBits(const PunctuationFilter& filter, std::array<uint64_t, 256>* byte_bit, int* used) {
  std::array<uint64_t, 256> bits = *byte_bit;
  int n = *used;
  for (const ByteSet& atom : filter.atoms()) {
    for (int byte = 0; byte < 256; ++byte) {
      if (!atom.Contains(static_cast<unsigned char>(byte)) || bits[byte]) continue;
      if (n == 64) return false;
      bits[byte] = uint64_t{1} << n++;
    }
  }
  *byte_bit = bits;
  *used = n;
  return true;
}

}  // namespace

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
  f->atoms = LiteralScanner(std::move(atoms));
  std::vector<int> ids;
  f->filter.AllPotentials({}, &ids);
  f->by_punctuation.assign(patterns.size(), false);
  int bytes_used = 0;
  for (int id : ids) {
    const int rule = f->rule_of_filter_id[static_cast<size_t>(id)];
    std::unique_ptr<PunctuationFilter> filter =
        PunctuationFilter::Build(*patterns[static_cast<size_t>(rule)]);
    if (filter && GiveBits(*filter, &f->byte_bit, &bytes_used)) {
      Filter::PunctuationRule p;
      p.rule = static_cast<size_t>(rule);
      for (const ByteSet& atom : filter->atoms()) {
        uint64_t bits = 0;
        for (int byte = 0; byte < 256; ++byte) {
          if (atom.Contains(static_cast<unsigned char>(byte))) bits |= f->byte_bit[byte];
        }
        p.atom_bytes.push_back(bits);
      }
      p.filter = std::move(filter);
      f->punctuation.push_back(std::move(p));
      f->by_punctuation[static_cast<size_t>(rule)] = true;
    } else {
      f->unfiltered.push_back(rule);
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
  if (f->punctuation.empty()) return;
  uint64_t present = 0;
  for (const char c : text) present |= f->byte_bit[static_cast<unsigned char>(c)];
  for (const Filter::PunctuationRule& p : f->punctuation) {
    size_t atoms_present = 0;
    for (size_t i = 0; i < p.atom_bytes.size(); ++i) {
      if (!(p.atom_bytes[i] & ~present)) atoms_present |= size_t{1} << i;
    }
    if (p.filter->MayMatchWith(atoms_present)) (*may_match)[p.rule] = true;
  }
}

}  // namespace audit
