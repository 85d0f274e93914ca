#include "pipeline/ordered_pool.h"

#include <algorithm>

namespace audit {

int WorkerCount(int jobs) {
  return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace audit
