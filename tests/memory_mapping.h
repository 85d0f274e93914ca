// What /proc/self/smaps says about the mapping that holds an address: for tests of memory advice.
#ifndef AUDIT_TESTS_MEMORY_MAPPING_H_
#define AUDIT_TESTS_MEMORY_MAPPING_H_

#include <string>

namespace audit::testing {

// The VmFlags line of the mapping of this process that holds `p` ("rd wr mr mw me ac hg ..."),
// or "" if /proc/self/smaps has none (not Linux).
std::string VmFlagsOf(const void* p);

// Whether that mapping is advised to use transparent huge pages (MADV_HUGEPAGE).
bool AdvisedHuge(const void* p);

}  // namespace audit::testing

#endif  // AUDIT_TESTS_MEMORY_MAPPING_H_
