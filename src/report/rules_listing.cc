#include "report/rules_listing.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/paths.h"

namespace audit {

namespace {

const char* SideName(SourceSide side) {
  switch (side) {
    case SourceSide::kSubject:
      return "source: the clause's subject";
    case SourceSide::kAfter:
      return "source: the phrase after the cue";
    case SourceSide::kCapture:
      return "source: the pattern's `source` group";
    case SourceSide::kVague:
      return "vague: no source named";
  }
  return "";
}

std::string Where(const RuleLocation& where, const std::string& root) {
  if (where.file.empty()) return "(built in)";
  return fmt::format("{}:{}", DisplayPath(where.file, root), where.line);
}

}  // namespace

std::vector<RuleRow> ListRules(const RuleSet& rules, const Config& config) {
  std::vector<RuleRow> rows;
  for (const FindingRule& f : rules.finding_rules()) {
    std::string severity(SeverityName(f.severity));
    if (auto it = config.top.severity.find(f.id); it != config.top.severity.end())
      severity = std::string(SeverityName(it->second));
    const bool disabled =
        !f.enabled || std::find(config.top.disable.begin(), config.top.disable.end(), f.id) !=
                          config.top.disable.end();
    rows.push_back({f.id, "finding", disabled ? "off" : severity, f.description, f.where});
  }
  for (const CueRule& c : rules.cue_rules()) {
    rows.push_back({c.id, "cue", "",
                    c.description.empty() ? SideName(c.side)
                                          : fmt::format("{} [{}]", c.description, SideName(c.side)),
                    c.where});
  }
  for (const CueRule& c : rules.via_rules()) {
    rows.push_back(
        {c.id, "via", "",
         c.description.empty() ? "an outlet between the publisher and the source" : c.description,
         c.where});
  }
  for (const ClaimSignal& s : rules.claim_signals()) {
    rows.push_back({s.id, "claim-signal", "",
                    s.description.empty()
                        ? fmt::format("claim score {:+.2f}", s.weight)
                        : fmt::format("{} [claim score {:+.2f}]", s.description, s.weight),
                    s.where});
  }
  for (const RoleRule& r : rules.role_rules()) {
    rows.push_back({r.role, "role", "",
                    r.sentence_scope ? "gives a sentence this role" : "gives a block this role",
                    r.where});
  }
  for (const Outlet& o : rules.outlets()) {
    rows.push_back({o.name, "outlet", "",
                    fmt::format("{}{} alias(es), {} domain(s)", o.wire ? "news agency; " : "",
                                o.aliases.size(), o.domains.size()),
                    o.where});
  }
  return rows;
}

std::string RenderRuleTable(const std::vector<RuleRow>& rows, const std::string& root) {
  size_t id_width = 2, type_width = 4;
  for (const RuleRow& r : rows) {
    id_width = std::max(id_width, r.id.size());
    type_width = std::max(type_width, r.type.size());
  }
  id_width = std::min<size_t>(id_width, 32);
  std::string out = fmt::format("{:<{}}  {:<{}}  {:<8}  {}  ({})\n", "id", id_width, "type",
                                type_width, "severity", "description", "defined at");
  for (const RuleRow& r : rows) {
    out += fmt::format("{:<{}}  {:<{}}  {:<8}  {}  ({})\n", r.id, id_width, r.type, type_width,
                       r.severity.empty() ? "-" : r.severity, r.description, Where(r.where, root));
  }
  out += fmt::format("{} rules\n", rows.size());
  return out;
}

std::string RenderRuleJson(const std::vector<RuleRow>& rows, const std::string& root) {
  nlohmann::json out = nlohmann::json::array();
  for (const RuleRow& r : rows) {
    out.push_back({{"id", r.id},
                   {"type", r.type},
                   {"severity", r.severity},
                   {"description", r.description},
                   {"file", r.where.file.empty() ? "" : DisplayPath(r.where.file, root)},
                   {"line", r.where.line}});
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace audit
