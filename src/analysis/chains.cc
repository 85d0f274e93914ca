#include "analysis/chains.h"

#include <unordered_map>

#include "base/ascii.h"

namespace audit {

namespace {

// Appends `s` lowercased and without a leading article to `key`.
void AppendNormalized(std::string_view s, std::string* key) {
  const size_t start = key->size();
  for (char c : s) key->push_back(AsciiToLower(c));
  for (std::string_view d : {"the ", "a ", "an "}) {
    if (std::string_view(*key).substr(start).starts_with(d)) {
      key->erase(start, d.size());
      return;
    }
  }
}

}  // namespace

std::string ChainText(const Chain& chain) {
  std::string out;
  for (size_t i = 0; i < chain.hops.size(); ++i) {
    if (i) out += " -> ";
    out += chain.hops[i];
  }
  return out;
}

void BuildChains(Analysis* analysis) {
  std::unordered_map<std::string, size_t> by_key;
  const std::string publisher = analysis->publisher.empty() ? "(publisher)" : analysis->publisher;
  std::string key;  // one sentence's chain key; its memory is reused
  for (size_t i = 0; i < analysis->sentences.size(); ++i) {
    SentenceVerdict& v = analysis->sentences[i];
    const Attribution& a = v.attribution;
    if (!v.claim || a.status == AttributionStatus::kNone) continue;
    const std::string& source = a.resolved.empty() ? a.source : a.resolved;
    key.clear();
    for (const auto& hop : a.via) {
      AppendNormalized(hop, &key);
      key += '\x1f';
    }
    AppendNormalized(source, &key);
    // try_emplace makes a node only for a new chain; most claims join one already made.
    auto [it, inserted] = by_key.try_emplace(key, analysis->chains.size());
    if (inserted) {
      Chain chain;
      chain.id = static_cast<int>(analysis->chains.size());
      chain.hops.push_back(publisher);
      chain.hops.insert(chain.hops.end(), a.via.begin(), a.via.end());
      chain.hops.push_back(source);
      analysis->chains.push_back(std::move(chain));
    }
    Chain& chain = analysis->chains[it->second];
    chain.sentences.push_back(i);
    chain.secondhand = chain.secondhand || v.secondhand;
    v.chain = chain.id;
  }
  for (Chain& chain : analysis->chains) {
    chain.share =
        analysis->claims ? static_cast<double>(chain.sentences.size()) / analysis->claims : 0;
  }
}

}  // namespace audit
