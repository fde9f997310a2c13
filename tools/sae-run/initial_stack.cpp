#include "initial_stack.h"

#include <sys/random.h>
#include <unistd.h>

namespace sae::run {

namespace {

// Auxiliary vector keys (Linux include/uapi/linux/auxvec.h, the same on every architecture).
enum : std::uint64_t {
  AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7, AT_FLAGS = 8,
  AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_PLATFORM = 15,
  AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_HWCAP2 = 26, AT_EXECFN = 31,
};

}  // namespace

std::uint64_t BuildInitialStack(GuestMemory& memory, const ProcessStart& start) {
  const std::uint64_t bottom = GuestMemory::kStackTop - GuestMemory::kStackSize;
  memory.Map(bottom, GuestMemory::kStackSize);
  std::uint64_t top = GuestMemory::kStackTop;
  // Strings and bytes first, at the top.
  const auto push_bytes = [&](const void* data, std::size_t size) {
    top -= size;
    std::uint8_t* host = memory.Host(top, size);
    if (host == nullptr || top < bottom + 4096) return std::uint64_t{0};
    std::memcpy(host, data, size);
    return top;
  };
  const auto push_string = [&](const std::string& text) { return push_bytes(text.c_str(), text.size() + 1); };
  const std::uint64_t exec_fn = push_string(start.exec_path);
  const std::uint64_t platform = push_string("aarch64");
  std::uint8_t random[16];
  if (getrandom(random, sizeof random, 0) != sizeof random) return 0;
  const std::uint64_t random_bytes = push_bytes(random, sizeof random);
  std::vector<std::uint64_t> argv, envp;
  for (const std::string& argument : start.arguments) argv.push_back(push_string(argument));
  for (const std::string& variable : start.environment) envp.push_back(push_string(variable));
  for (std::uint64_t address : argv) if (address == 0) return 0;
  for (std::uint64_t address : envp) if (address == 0) return 0;
  if (exec_fn == 0 || platform == 0 || random_bytes == 0) return 0;

  const LoadedImage& program = *start.program;
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> auxv = {
      {AT_PHDR, program.program_headers}, {AT_PHENT, program.program_header_size},
      {AT_PHNUM, program.program_header_count}, {AT_PAGESZ, GuestMemory::kPageSize},
      {AT_BASE, start.interpreter_base}, {AT_FLAGS, 0}, {AT_ENTRY, program.entry},
      {AT_UID, getuid()}, {AT_EUID, geteuid()}, {AT_GID, getgid()}, {AT_EGID, getegid()},
      {AT_PLATFORM, platform}, {AT_HWCAP, start.hwcap}, {AT_CLKTCK, 100}, {AT_SECURE, 0},
      {AT_RANDOM, random_bytes}, {AT_HWCAP2, start.hwcap2}, {AT_EXECFN, exec_fn}, {AT_NULL, 0}};
  // argc, argv..., 0, envp..., 0, auxv pairs; SP 16-byte aligned at argc.
  const std::size_t words = 1 + argv.size() + 1 + envp.size() + 1 + 2 * auxv.size();
  std::uint64_t sp = (top - 8 * words) & ~std::uint64_t{15};
  std::uint64_t at = sp;
  const auto put = [&](std::uint64_t value) {
    memory.Store<std::uint64_t>(at, value);
    at += 8;
  };
  put(argv.size());
  for (std::uint64_t address : argv) put(address);
  put(0);
  for (std::uint64_t address : envp) put(address);
  put(0);
  for (const auto& [key, value] : auxv) {
    put(key);
    put(value);
  }
  return sp;
}

}  // namespace sae::run
