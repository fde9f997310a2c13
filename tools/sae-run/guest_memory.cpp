#include "guest_memory.h"

#include <sys/mman.h>

#include <algorithm>
#include <iterator>

namespace sae::run {

GuestMemory::GuestMemory() {
  void* map = mmap(nullptr, kSize, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (map != MAP_FAILED) base_ = static_cast<std::uint8_t*>(map);
}

GuestMemory::~GuestMemory() {
  if (base_ != nullptr) munmap(base_, kSize);
}

std::uint8_t* GuestMemory::Host(std::uint64_t address, std::uint64_t size) const {
  if (address < kNullGuard || address >= kSize || kSize - address < size) return nullptr;
  return base_ + address;
}

std::optional<std::string> GuestMemory::String(std::uint64_t address, std::size_t limit) const {
  std::string text;
  for (std::size_t i = 0; i < limit; ++i) {
    const std::uint8_t* byte = Host(address + i, 1);
    if (byte == nullptr) return std::nullopt;
    if (*byte == 0) return text;
    text.push_back(static_cast<char>(*byte));
  }
  return std::nullopt;
}

void GuestMemory::Zero(std::uint64_t address, std::uint64_t size) {
  // Private anonymous pages given back read as zeroes again, and cost nothing until touched.
  madvise(base_ + address, size, MADV_DONTNEED);
}

void GuestMemory::Map(std::uint64_t address, std::uint64_t size) {
  const std::uint64_t end = PageUp(address + size);
  address &= ~(kPageSize - 1);
  Unmap(address, end - address);
  mappings_[address] = end;
}

void GuestMemory::Unmap(std::uint64_t address, std::uint64_t size) {
  const std::uint64_t end = PageUp(address + size);
  address &= ~(kPageSize - 1);
  auto it = mappings_.upper_bound(address);
  if (it != mappings_.begin()) --it;
  while (it != mappings_.end() && it->first < end) {
    const auto [start, stop] = *it;
    if (stop <= address) {  // the mapping just below, untouched
      ++it;
      continue;
    }
    it = mappings_.erase(it);
    if (start < address) mappings_[start] = address;
    if (stop > end) mappings_[end] = stop;
  }
  Zero(address, end - address);
}

bool GuestMemory::IsFree(std::uint64_t address, std::uint64_t size) const {
  const std::uint64_t end = address + size;
  if (address < kNullGuard || end > kSize || end < address) return false;
  auto it = mappings_.upper_bound(address);
  if (it != mappings_.begin() && std::prev(it)->second > address) return false;
  return it == mappings_.end() || it->first >= end;
}

std::optional<std::uint64_t> GuestMemory::FindFree(std::uint64_t size) const {
  size = PageUp(size);
  // Gaps from the top of the area down: between the mapping below `it` and `top`.
  std::uint64_t top = kMmapTop;
  auto it = mappings_.lower_bound(kMmapTop);
  while (true) {
    std::uint64_t floor = kMmapBottom;
    if (it != mappings_.begin()) floor = std::max(floor, std::prev(it)->second);
    if (top >= floor && top - floor >= size) return top - size;
    if (it == mappings_.begin()) return std::nullopt;
    --it;
    if (it->second <= kMmapBottom) return std::nullopt;
    top = std::min(top, it->first);
  }
}

void GuestMemory::SetBreakStart(std::uint64_t address) {
  break_start_ = break_ = PageUp(address);
}

std::uint64_t GuestMemory::Break(std::uint64_t requested) {
  // Linux answers a refused request with the current break.
  if (requested < break_start_ || requested >= kDynamicBase) return break_;
  const std::uint64_t old_end = PageUp(break_), new_end = PageUp(requested);
  if (new_end > old_end) {
    if (!IsFree(old_end, new_end - old_end)) return break_;
    Map(old_end, new_end - old_end);
  } else if (new_end < old_end) {
    Unmap(new_end, old_end - new_end);
  }
  break_ = requested;
  return break_;
}

}  // namespace sae::run
