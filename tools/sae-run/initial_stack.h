// The stack a Linux arm64 process starts with: argc, argv, envp, the auxiliary vector, and the
// strings and random bytes they point to (the kernel's create_elf_tables, as the ABI states it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "elf_loader.h"
#include "guest_memory.h"

namespace sae::run {

struct ProcessStart {
  const LoadedImage* program;
  std::uint64_t interpreter_base;  // AT_BASE: 0 without an interpreter
  std::uint64_t hwcap;
  std::uint64_t hwcap2;
  std::string exec_path;           // AT_EXECFN, as the guest named the program
  std::vector<std::string> arguments;
  std::vector<std::string> environment;
};

// Maps the stack below GuestMemory::kStackTop and fills it; returns the initial SP, or 0 if the
// strings do not fit.
std::uint64_t BuildInitialStack(GuestMemory& memory, const ProcessStart& start);

}  // namespace sae::run
