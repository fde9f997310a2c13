#include "common/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace sae {

std::size_t CodeMemory::PageSize() {
  static const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

CodeMemory::CodeMemory(std::size_t size) {
  const std::size_t page = PageSize();
  const std::size_t rounded = (size + page - 1) / page * page;
  void* mapping = mmap(nullptr, rounded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED) {
    error_ = errno;
    return;
  }
  base_ = static_cast<std::byte*>(mapping);
  size_ = rounded;
}

CodeMemory::~CodeMemory() {
  if (base_ != nullptr) munmap(base_, size_);
}

CodeMemory::CodeMemory(CodeMemory&& other) noexcept
    : base_(std::exchange(other.base_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      error_(other.error_) {}

CodeMemory& CodeMemory::operator=(CodeMemory&& other) noexcept {
  if (this != &other) {
    if (base_ != nullptr) munmap(base_, size_);
    base_ = std::exchange(other.base_, nullptr);
    size_ = std::exchange(other.size_, 0);
    error_ = other.error_;
  }
  return *this;
}

bool CodeMemory::MakeWritable(std::size_t offset, std::size_t length) {
  return Protect(offset, length, PROT_READ | PROT_WRITE);
}

bool CodeMemory::MakeExecutable(std::size_t offset, std::size_t length) {
  return Protect(offset, length, PROT_READ | PROT_EXEC);
}

bool CodeMemory::Protect(std::size_t offset, std::size_t length, int protection) {
  if (base_ == nullptr || offset > size_ || length > size_ - offset) {
    error_ = EINVAL;
    return false;
  }
  const std::size_t page = PageSize();
  const std::size_t first = offset / page * page;
  const std::size_t end = (offset + length + page - 1) / page * page;
  if (mprotect(base_ + first, end - first, protection) != 0) {
    error_ = errno;
    return false;
  }
  return true;
}

}  // namespace sae
