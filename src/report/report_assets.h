// The HTML report's stylesheet and script, compiled in from reports/ at build time (see
// CMakeLists.txt), so every report page embeds them and needs nothing from the network or disk.
#ifndef AUDIT_REPORT_REPORT_ASSETS_H_
#define AUDIT_REPORT_REPORT_ASSETS_H_

namespace audit {

const char* ReportCss();
const char* ReportJs();

}  // namespace audit

#endif  // AUDIT_REPORT_REPORT_ASSETS_H_
