// `audit check --stdin-jsonl`: reads article records (input/article_record.h), one per line, from
// standard input and writes one JSON result per line, in input order, so the auditor can be the
// map step of an engine that pipes records through a command. Blank lines are skipped; a line that
// is not a valid record still gets a result line, with its `error`.
#ifndef AUDIT_CLI_STREAM_COMMAND_H_
#define AUDIT_CLI_STREAM_COMMAND_H_

#include <istream>
#include <ostream>

#include "cli/check_command.h"

namespace audit {

// Exit codes as `audit check`: 0, 1 when a finding reaches --fail-on, 2 when a record was bad.
int RunStdinJsonl(const CheckArgs& args, std::istream& in, std::ostream& out);

}  // namespace audit

#endif  // AUDIT_CLI_STREAM_COMMAND_H_
