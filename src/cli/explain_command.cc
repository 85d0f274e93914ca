#include "cli/explain_command.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/check_command.h"
#include "cli/error_printer.h"
#include "pipeline/profiles.h"
#include "report/explain_writer.h"

namespace audit {

int RunExplain(const ExplainArgs& args) {
  // "article.md:12" -> ("article.md", 12); a name that merely contains a colon stays whole.
  std::string path = args.target;
  int line = 0;
  if (const size_t colon = path.rfind(':');
      colon != std::string::npos && colon + 1 < path.size() &&
      path.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    line = std::atoi(path.c_str() + colon + 1);
    path.resize(colon);
  }
  if (line == 0 && args.sentence < 0) {
    std::cerr << "audit explain: error: give FILE:LINE or --sentence N\n";
    return kExitError;
  }
  std::error_code cwd_error;
  const std::string root = std::filesystem::current_path(cwd_error).string();
  Profiles profiles(MakeProfileOptions(args.config, args.rules_dir, args.publisher));
  Result<const Profile*> profile = profiles.For(path);
  if (!profile.ok()) {
    PrintError(profile.error(), nullptr, std::cerr);
    return kExitError;
  }
  FileReport report = profile.value()->auditor->AuditFile(path);
  if (report.error) {
    PrintError(*report.error, report.file.get(), std::cerr);
    return kExitError;
  }
  profile.value()->config.Apply(&report);
  std::optional<size_t> index;
  if (args.sentence >= 0) {
    if (static_cast<size_t>(args.sentence) < report.analysis.sentences.size())
      index = static_cast<size_t>(args.sentence);
  } else {
    index = SentenceAtLine(report, line);
  }
  if (!index) {
    std::cerr << path << ": error: no sentence "
              << (args.sentence >= 0 ? "number " + std::to_string(args.sentence)
                                     : "on line " + std::to_string(line))
              << " (the file has " << report.analysis.sentences.size() << ")\n";
    return kExitError;
  }
  std::cout << RenderExplanation(report, *profile.value()->rules, *index, root);
  return kExitClean;
}

}  // namespace audit
