// `audit report --from-jsonl SHARD... --out DIR`: the HTML corpus report built from result shards
// (`audit check --format jsonl` or `--stdin-jsonl` output, e.g. from a map step over an archive)
// without re-auditing: the pages and index, in shard order then line order.
#ifndef AUDIT_CLI_FROM_JSONL_COMMAND_H_
#define AUDIT_CLI_FROM_JSONL_COMMAND_H_

#include "cli/check_command.h"

namespace audit {

// Exit 0, or 2 when a shard cannot be read or a line is not a result (the others still make pages).
int RunReportFromJsonl(const CheckArgs& args);

}  // namespace audit

#endif  // AUDIT_CLI_FROM_JSONL_COMMAND_H_
