#include "analysis/analysis.h"

namespace audit {

std::string_view StatusName(AttributionStatus status) {
  switch (status) {
    case AttributionStatus::kNone:
      return "none";
    case AttributionStatus::kDirect:
      return "direct";
    case AttributionStatus::kInherited:
      return "inherited";
  }
  return "none";
}

std::string_view SourceTypeName(SourceType type) {
  switch (type) {
    case SourceType::kUnknown:
      return "";
    case SourceType::kPerson:
      return "person";
    case SourceType::kOrganization:
      return "organization";
    case SourceType::kDocument:
      return "document";
    case SourceType::kOutlet:
      return "outlet";
    case SourceType::kAnonymous:
      return "anonymous";
    case SourceType::kVague:
      return "vague";
  }
  return "";
}

SourceType ParseSourceType(std::string_view name) {
  for (SourceType t : {SourceType::kPerson, SourceType::kOrganization, SourceType::kDocument,
                       SourceType::kOutlet, SourceType::kAnonymous, SourceType::kVague}) {
    if (SourceTypeName(t) == name) return t;
  }
  return SourceType::kUnknown;
}

std::span<const Attribution> Analysis::AlsoOf(const SentenceVerdict& v) const {
  if (v.extras == SentenceVerdict::kNoExtras) return {};
  return extras[v.extras].also;
}

std::span<const TextSpan> Analysis::LoadedCuesOf(const SentenceVerdict& v) const {
  if (v.extras == SentenceVerdict::kNoExtras) return {};
  return extras[v.extras].loaded_cues;
}

std::string_view Analysis::LinkOf(const Attribution& a) const {
  return a.link < links.size() ? std::string_view(links[a.link]) : std::string_view();
}

void Analysis::SetLink(Attribution* a, std::string url) {
  if (url.empty()) return;
  a->link = static_cast<uint32_t>(links.size());
  links.push_back(std::move(url));
}

void Analysis::SetExtras(SentenceVerdict* v, std::vector<Attribution> also,
                         std::vector<TextSpan> loaded_cues) {
  if (also.empty() && loaded_cues.empty()) return;
  v->extras = static_cast<uint32_t>(extras.size());
  extras.push_back({std::move(also), std::move(loaded_cues)});
}

}  // namespace audit
