// Formats library errors for the terminal: `file:line:col: error: message`, then the offending
// source line and a caret when the file can be read. Line and column come from the error's byte
// offset or its explicit line.
#ifndef AUDIT_CLI_ERROR_PRINTER_H_
#define AUDIT_CLI_ERROR_PRINTER_H_

#include <ostream>

#include "base/error.h"
#include "base/source_file.h"

namespace audit {

// `file` may be null; when given, it holds the bytes the error's offset points into. Prints the
// error's further problems (Error::more) after it, each the same way.
void PrintError(const Error& error, const SourceFile* file, std::ostream& out);

}  // namespace audit

#endif  // AUDIT_CLI_ERROR_PRINTER_H_
