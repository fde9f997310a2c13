// The arm64 process's address space: one libsae memory window, reserved up front and committed
// by the host kernel as the guest touches it, with the layout sae-run gives a Linux process
// (image, brk heap, mmap area, stack) and the mappings the guest made.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>

namespace sae::run {

class GuestMemory {
 public:
  static constexpr std::uint64_t kPageSize = 4096;
  static constexpr std::uint64_t kSize = std::uint64_t{16} << 30;
  // Page 0 and its neighbours are not memory (an MMIO region of the VM): null pointers fault.
  static constexpr std::uint64_t kNullGuard = 64 * 1024;
  static constexpr std::uint64_t kDynamicBase = std::uint64_t{1} << 32;      // ET_DYN programs
  static constexpr std::uint64_t kInterpreterBase = std::uint64_t{2} << 32;  // their ld.so
  static constexpr std::uint64_t kMmapBottom = (std::uint64_t{2} << 32) + (std::uint64_t{1} << 28);
  static constexpr std::uint64_t kStackTop = kSize - kPageSize;
  static constexpr std::uint64_t kStackSize = 8 << 20;
  static constexpr std::uint64_t kMmapTop = kStackTop - kStackSize - (1 << 20);
  // The page above the stack holds what Linux's vDSO gives handlers to return through.
  static constexpr std::uint64_t kSignalTrampoline = kStackTop;

  GuestMemory();
  ~GuestMemory();
  GuestMemory(const GuestMemory&) = delete;
  GuestMemory& operator=(const GuestMemory&) = delete;

  bool valid() const { return base_ != nullptr; }
  std::uint8_t* base() const { return base_; }

  // The host address of guest [address, address + size), or nullptr if any of it is not
  // memory the guest may use.
  std::uint8_t* Host(std::uint64_t address, std::uint64_t size) const;
  // A NUL-terminated guest string of at most `limit` bytes, or nullopt.
  std::optional<std::string> String(std::uint64_t address, std::size_t limit = 4096) const;

  template <class T>
  bool Store(std::uint64_t address, T value) const {  // little-endian, as arm64 memory
    std::uint8_t* host = Host(address, sizeof(T));
    if (host == nullptr) return false;
    for (std::size_t i = 0; i < sizeof(T); ++i) host[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(value) >> (8 * i));
    return true;
  }
  template <class T>
  std::optional<T> Load(std::uint64_t address) const {
    const std::uint8_t* host = Host(address, sizeof(T));
    if (host == nullptr) return std::nullopt;
    std::uint64_t value = 0;
    for (std::size_t i = sizeof(T); i-- > 0;) value = value << 8 | host[i];
    return static_cast<T>(value);
  }

  // Records [address, address + size) as mapped (page-rounded) and zeroes it.
  void Map(std::uint64_t address, std::uint64_t size);
  // Forgets and zeroes the mappings in [address, address + size).
  void Unmap(std::uint64_t address, std::uint64_t size);
  // A free, page-aligned range of `size` bytes in the mmap area (highest first), or nullopt.
  std::optional<std::uint64_t> FindFree(std::uint64_t size) const;
  bool IsFree(std::uint64_t address, std::uint64_t size) const;

  // The program break: set once the image is loaded, then moved by brk().
  void SetBreakStart(std::uint64_t address);
  std::uint64_t Break(std::uint64_t requested);

  static std::uint64_t PageUp(std::uint64_t value) { return (value + kPageSize - 1) & ~(kPageSize - 1); }

 private:
  void Zero(std::uint64_t address, std::uint64_t size);

  std::uint8_t* base_ = nullptr;
  std::map<std::uint64_t, std::uint64_t> mappings_;  // start -> end, disjoint, page-aligned
  std::uint64_t break_start_ = 0;
  std::uint64_t break_ = 0;
};

}  // namespace sae::run
