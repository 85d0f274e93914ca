#include "cli/rules_command.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/check_command.h"
#include "cli/error_printer.h"
#include "pipeline/profiles.h"
#include "report/rules_listing.h"

namespace audit {

int RunRules(const RulesArgs& args) {
  std::error_code cwd_error;
  const std::string root = std::filesystem::current_path(cwd_error).string();
  ProfileOptions options;
  options.config = args.config;
  options.rules_dir = args.rules_dir;
  const char* env = std::getenv("AUDIT_RULES");
  options.builtin_pack = env ? env : AUDIT_DEFAULT_RULES;
  Profiles profiles(options);
  Result<const Profile*> profile = profiles.For((std::filesystem::path(root) / "-").string());
  if (!profile.ok()) {
    PrintError(profile.error(), nullptr, std::cerr);
    return kExitError;
  }
  const std::vector<RuleRow> rows = ListRules(*profile.value()->rules, profile.value()->config);
  if (args.check) {
    const std::string& config = profile.value()->config.path;
    std::cout << "rules ok: " << rows.size() << " rules"
              << (config.empty() ? std::string() : ", config " + config) << '\n';
    return kExitClean;
  }
  std::cout << (args.format == "json" ? RenderRuleJson(rows, root) : RenderRuleTable(rows, root));
  return kExitClean;
}

}  // namespace audit
