// Memory for generated code. A page is never writable and executable at once (W^X): code is
// written while its pages are read-write, then they are flipped to read-execute before it runs.
// Flipping (rather than a second, writable alias of the same pages) keeps qemu-user's
// self-modifying-code detection working, which watches writes to the executable address only.
#pragma once

#include <cstddef>
#include <span>

namespace sae {

class CodeMemory {
 public:
  // Maps `size` bytes (rounded up to whole pages), read-write. On failure the object is empty
  // (`!valid()`) and `error()` is the errno of the failed call.
  explicit CodeMemory(std::size_t size);
  ~CodeMemory();
  CodeMemory(CodeMemory&& other) noexcept;
  CodeMemory& operator=(CodeMemory&& other) noexcept;
  CodeMemory(const CodeMemory&) = delete;
  CodeMemory& operator=(const CodeMemory&) = delete;

  bool valid() const { return base_ != nullptr; }
  int error() const { return error_; }
  std::span<std::byte> bytes() const { return {base_, size_}; }

  // Flip the pages covering [offset, offset + length) between read-write and read-execute.
  // Return false (and set error()) if the kernel refuses, e.g. under a policy denying execmem.
  bool MakeWritable(std::size_t offset, std::size_t length);
  bool MakeExecutable(std::size_t offset, std::size_t length);

  static std::size_t PageSize();

 private:
  bool Protect(std::size_t offset, std::size_t length, int protection);

  std::byte* base_ = nullptr;
  std::size_t size_ = 0;
  int error_ = 0;
};

}  // namespace sae
