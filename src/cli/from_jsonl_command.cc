#include "cli/from_jsonl_command.h"

#include <fstream>
#include <iostream>

#include "cli/error_printer.h"
#include "cli/report_folder.h"
#include "report/html_writer.h"
#include "report/json_reader.h"

namespace audit {

int RunReportFromJsonl(const CheckArgs& args) {
  // The rules describe the findings on each page.
  Profiles profiles(MakeProfileOptions(args.config, args.rules_dir, args.publisher));
  const Profile* home = WorkingFolderProfile(&profiles);
  if (!home) return kExitError;
  ReportFolder folder(args.report_dir);
  std::string error;
  if (!folder.Open(&error)) {
    std::cerr << args.report_dir << ": error: cannot create the report folder: " << error << '\n';
    return kExitError;
  }
  bool bad_input = false;
  for (const std::string& shard : args.from_jsonl) {
    std::ifstream in(shard, std::ios::binary);
    if (!in) {
      std::cerr << shard << ": error: cannot read the shard\n";
      bad_input = true;
      continue;
    }
    std::string line;
    for (size_t number = 1; std::getline(in, line); ++number) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      Result<FileReport> report =
          j.is_discarded()
              ? Result<FileReport>(Error::AtLine(ErrorCode::kInput, shard, static_cast<int>(number),
                                                 1, "not a JSON line"))
              : FileReportFromJson(j, shard, number);
      if (!report.ok()) {
        PrintError(report.error(), nullptr, std::cerr);
        bad_input = true;
        continue;
      }
      FileReport& r = report.value();
      r.rendered = RenderHtmlArticle(r, *home->rules, r.path, ReportFolder::IndexHref());
      const std::string shown = r.path;
      if (!folder.Add(std::move(r), shown)) {
        std::cerr << args.report_dir << ": error: cannot write the page of " << shown << '\n';
        bad_input = true;
      }
    }
  }
  if (!folder.Finish()) {
    std::cerr << folder.index_path() << ": error: cannot write the index\n";
    return kExitError;
  }
  std::cerr << "audit: wrote " << folder.index_path() << " and " << folder.pages()
            << " article page(s)\n";
  return bad_input ? kExitError : kExitClean;
}

}  // namespace audit
