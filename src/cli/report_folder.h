// ReportFolder: the HTML corpus report `audit report --out DIR` writes: DIR/articles/NNNN-name.html
// per article, in input order, and DIR/index.html once every article is in. Pages are written as
// they come (each through a temporary name); the reports are kept for the index. Not thread-safe:
// one writer thread.
#ifndef AUDIT_CLI_REPORT_FOLDER_H_
#define AUDIT_CLI_REPORT_FOLDER_H_

#include <deque>
#include <string>
#include <vector>

#include "report/file_report.h"
#include "report/html_writer.h"

namespace audit {

class ReportFolder {
 public:
  explicit ReportFolder(std::string dir) : dir_(std::move(dir)) {}

  // Creates DIR/articles; false (with the reason) when it cannot.
  bool Open(std::string* error);
  // The article page's link back to the index, for RenderHtmlArticle.
  static const char* IndexHref() { return "../index.html"; }
  // Writes the article's page (report.rendered, from RenderHtmlArticle) and keeps the report for
  // the index; false when the page cannot be written.
  bool Add(FileReport report, const std::string& shown_path);
  // Writes the index; false when it cannot be written.
  bool Finish();

  const std::string& index_path() const { return index_path_; }
  size_t pages() const { return index_.size(); }

 private:
  std::string dir_;
  std::string index_path_;
  std::deque<FileReport> reports_;  // a deque: index entries point into it
  std::vector<IndexEntry> index_;
};

}  // namespace audit

#endif  // AUDIT_CLI_REPORT_FOLDER_H_
