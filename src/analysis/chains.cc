#include "analysis/chains.h"

#include <unordered_map>

#include "base/ascii.h"

namespace audit {

namespace {

std::string Normalize(std::string_view s) {
  std::string out = AsciiLower(s);
  for (std::string_view d : {"the ", "a ", "an "}) {
    if (out.rfind(d, 0) == 0) return out.substr(d.size());
  }
  return out;
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
  for (size_t i = 0; i < analysis->sentences.size(); ++i) {
    SentenceVerdict& v = analysis->sentences[i];
    const Attribution& a = v.attribution;
    if (!v.claim || a.status == AttributionStatus::kNone) continue;
    const std::string& source = a.resolved.empty() ? a.source : a.resolved;
    std::string key;
    for (const auto& hop : a.via) key += Normalize(hop) + '\x1f';
    key += Normalize(source);
    auto [it, inserted] = by_key.emplace(key, analysis->chains.size());
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
