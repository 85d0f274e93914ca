#include "cli/report_folder.h"

#include <fmt/format.h>

#include <filesystem>

#include "cli/output_files.h"

namespace audit {

namespace {

// (2, "Pool Vote.md") -> "0003-pool-vote-md.html": the article's page, numbered in input order so
// names never collide.
std::string PageName(size_t index, const std::string& name) {
  std::string slug;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z')
      slug += static_cast<char>(c - 'A' + 'a');
    else if (keep)
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
    if (slug.size() >= 60) break;
  }
  return fmt::format("{:04}-{}.html", index + 1, slug);
}

}  // namespace

bool ReportFolder::Open(std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir_ + "/articles", ec);
  if (ec) *error = ec.message();
  index_path_ = dir_ + "/index.html";
  return !ec;
}

bool ReportFolder::Add(FileReport report, const std::string& shown_path) {
  const std::string name =
      PageName(index_.size(), std::filesystem::path(report.path).filename().string());
  const bool written = WriteFileAtomically(dir_ + "/articles/" + name, report.rendered);
  report.rendered.clear();
  reports_.push_back(std::move(report));
  index_.push_back({ArticleTitle(reports_.back(), shown_path), shown_path, "articles/" + name,
                    &reports_.back()});
  return written;
}

bool ReportFolder::Finish() { return WriteFileAtomically(index_path_, RenderHtmlIndex(index_)); }

}  // namespace audit
