// Loading an arm64 Linux ELF executable (or its interpreter) into guest memory, with LLVM Object
// reading the file. Malformed or foreign files are refused with a one-line reason.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "guest_memory.h"

namespace sae::run {

struct LoadedImage {
  std::uint64_t entry = 0;        // with the load bias applied
  std::uint64_t bias = 0;         // added to every p_vaddr (0 for ET_EXEC)
  std::uint64_t program_headers = 0;  // guest address of the program header table (AT_PHDR)
  std::uint64_t program_header_count = 0;
  std::uint64_t program_header_size = 0;
  std::uint64_t end = 0;          // after the highest segment (where brk starts)
  std::string interpreter;        // PT_INTERP, empty if none
};

// Loads `path` (read from `host_path`, which may differ under -L) at its own addresses
// (ET_EXEC) or at `dynamic_base` (ET_DYN). Returns the image or an error message.
std::variant<LoadedImage, std::string> LoadElf(const std::string& host_path, GuestMemory& memory,
                                               std::uint64_t dynamic_base);

}  // namespace sae::run
