#include "cli/rules_command.h"

#include <filesystem>
#include <iostream>

#include "cli/check_command.h"
#include "cli/error_printer.h"
#include "pipeline/example_attributions.h"
#include "pipeline/profiles.h"
#include "report/rules_listing.h"
#include "rules/rule_examples.h"

namespace audit {

int RunRules(const RulesArgs& args) {
  Profiles profiles(MakeProfileOptions(args.config, args.rules_dir, ""));
  const Profile* profile = WorkingFolderProfile(&profiles);
  if (!profile) return kExitError;
  if (args.test) {
    const Profile& p = *profile;
    ExampleResults results = RunRuleExamples(*p.rules);
    const AttributionExampleResults sources = CheckExampleAttributions(*p.rules, *p.auditor);
    results.failures.insert(results.failures.end(), sources.failures.begin(),
                            sources.failures.end());
    for (const ExampleFailure& f : results.failures) {
      Error e = Error::AtLine(ErrorCode::kRules, f.example.where.file, f.example.where.line,
                              f.example.where.column,
                              "rule '" + f.rule + "' " + f.problem + ": " + f.example.text);
      PrintError(e, nullptr, std::cout);
    }
    std::cout << results.run << " example(s) of " << results.rules_with_examples << " rule(s), "
              << sources.run
              << " with the source they must be attributed to: " << results.failures.size()
              << " failed; " << results.rules_without_examples << " rule(s) have no examples\n";
    return results.failures.empty() ? kExitClean : kExitFindings;
  }
  const std::vector<RuleRow> rows = ListRules(*profile->rules, profile->config);
  if (args.check) {
    const std::string& config = profile->config.path;
    std::cout << "rules ok: " << rows.size() << " rules"
              << (config.empty() ? std::string() : ", config " + config) << '\n';
    return kExitClean;
  }
  std::error_code cwd_error;
  const std::string root = std::filesystem::current_path(cwd_error).string();
  std::cout << (args.format == "json" ? RenderRuleJson(rows, root) : RenderRuleTable(rows, root));
  return kExitClean;
}

}  // namespace audit
