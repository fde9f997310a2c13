// One flag byte per 4 KiB page of a VM's guest memory window, which generated code tests before
// loads and stores it must not simply perform (backend/s390x/codegen: CodegenOptions). Shared by
// the VM's vCPUs; flags are only ever added while the VM lives.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sae::runtime {

class PageFlags {
 public:
  enum Flag : std::uint8_t {
    kCode = 1,  // some vCPU translated code here: stores must invalidate it
    kMmio = 2,  // part of an MMIO region: loads and stores are the VMM's
  };
  // The longest access of one instruction, less one: a flagged range also flags the pages an
  // access starting this far before it begins in, because only an access's first byte's page is
  // tested.
  static constexpr std::uint64_t kReachBefore = 31;

  explicit PageFlags(std::uint64_t memory_size);
  ~PageFlags();
  PageFlags(const PageFlags&) = delete;
  PageFlags& operator=(const PageFlags&) = delete;

  bool valid() const { return flags_ != nullptr; }
  const std::uint8_t* data() const { return flags_; }

  // Adds `flag` to the pages of [begin - kReachBefore, end), within the window. Thread-safe.
  void Add(std::uint64_t begin, std::uint64_t end, Flag flag);
  // Whether any page holding a byte of [begin, end) has `flag`.
  bool Any(std::uint64_t begin, std::uint64_t end, Flag flag) const;

 private:
  std::uint8_t* flags_ = nullptr;
  std::size_t pages_ = 0;
};

}  // namespace sae::runtime
