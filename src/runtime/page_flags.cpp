#include "runtime/page_flags.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>

#include "backend/s390x/codegen/state_layout.h"

namespace sae::runtime {

namespace {
constexpr unsigned kShift = backend::s390x::kGuestPageShift;
}

PageFlags::PageFlags(std::uint64_t memory_size)
    : pages_(static_cast<std::size_t>((memory_size + (1u << kShift) - 1) >> kShift)) {
  // Reserved, not committed: a large, sparsely used window costs only the pages touched.
  void* map = mmap(nullptr, pages_, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (map != MAP_FAILED) flags_ = static_cast<std::uint8_t*>(map);
}

PageFlags::~PageFlags() {
  if (flags_ != nullptr) munmap(flags_, pages_);
}

void PageFlags::Add(std::uint64_t begin, std::uint64_t end, Flag flag) {
  if (end <= begin) return;
  const std::uint64_t first = (begin > kReachBefore ? begin - kReachBefore : 0) >> kShift;
  const std::uint64_t last = std::min<std::uint64_t>((end - 1) >> kShift, pages_ - 1);
  for (std::uint64_t page = first; page <= last; ++page) {
    std::atomic_ref<std::uint8_t>(flags_[page]).fetch_or(flag, std::memory_order_relaxed);
  }
}

bool PageFlags::Any(std::uint64_t begin, std::uint64_t end, Flag flag) const {
  if (end <= begin) return false;
  const std::uint64_t last = std::min<std::uint64_t>((end - 1) >> kShift, pages_ - 1);
  for (std::uint64_t page = begin >> kShift; page <= last; ++page) {
    if (std::atomic_ref<std::uint8_t>(flags_[page]).load(std::memory_order_relaxed) & flag) return true;
  }
  return false;
}

}  // namespace sae::runtime
