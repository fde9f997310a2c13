// The bytes of generated code. Instructions are written big-endian, a 2-, 4- or 6-byte unit at a
// time, explicitly byte by byte, so the result does not depend on the build machine's byte order.
// A full buffer never writes out of bounds: it records the overflow, and the caller (the code
// cache) flushes and retranslates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace sae::backend::s390x {

class CodeBuffer {
 public:
  explicit CodeBuffer(std::span<std::byte> memory) : memory_(memory) {}

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return memory_.size(); }
  bool overflowed() const { return overflowed_; }
  std::byte* data() const { return memory_.data(); }
  std::span<const std::byte> bytes() const { return {memory_.data(), size_}; }

  // Drops everything written after `size` (e.g. a block whose translation was abandoned).
  void Rewind(std::size_t size) {
    if (size <= size_) {
      size_ = size;
      overflowed_ = false;
    }
  }

  // Counts `length` bytes written by someone else (another buffer over the same memory) as used.
  void Skip(std::size_t length) {
    if (size_ + length > memory_.size()) {
      overflowed_ = true;
      return;
    }
    size_ += length;
  }

  void Emit16(std::uint64_t unit) { Emit(unit, 2); }
  void Emit32(std::uint64_t unit) { Emit(unit, 4); }
  void Emit48(std::uint64_t unit) { Emit(unit, 6); }

  // Overwrites `length` bytes at `offset` with the low bytes of `value`, big-endian.
  void PatchBigEndian(std::size_t offset, std::uint64_t value, unsigned length) {
    if (offset + length > size_) return;
    for (unsigned i = 0; i < length; ++i) {
      memory_[offset + i] = static_cast<std::byte>(value >> (8 * (length - 1 - i)));
    }
  }

 private:
  void Emit(std::uint64_t unit, unsigned length) {
    if (size_ + length > memory_.size()) {
      overflowed_ = true;
      return;
    }
    for (unsigned i = 0; i < length; ++i) {
      memory_[size_ + i] = static_cast<std::byte>(unit >> (8 * (length - 1 - i)));
    }
    size_ += length;
  }

  std::span<std::byte> memory_;
  std::size_t size_ = 0;
  bool overflowed_ = false;
};

}  // namespace sae::backend::s390x
