#include "runtime/block_dump.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "backend/s390x/disassembler.h"
#include "common/llvm_disassembler.h"
#include "sae/sae.h"

namespace sae::runtime {

DumpOptions DumpOptionsFor(std::uint32_t vm_flags) {
  DumpOptions options{.guest = (vm_flags & SAE_VM_DUMP_GUEST) != 0,
                      .ir = (vm_flags & SAE_VM_DUMP_IR) != 0,
                      .host = (vm_flags & SAE_VM_DUMP_HOST) != 0};
  const char* variable = std::getenv("SAE_DUMP");
  if (variable == nullptr) return options;
  std::string_view list = variable;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    const bool all = item == "all";
    options.guest |= all || item == "guest";
    options.ir |= all || item == "ir";
    options.host |= all || item == "host";
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return options;
}

void DumpBlock(const DumpOptions& options, std::uint64_t pc, unsigned guest_instructions,
               const frontend::arm64::CodeReader& read, const std::string& ir_before,
               const std::string& ir_after, std::span<const std::byte> host_code,
               bool single_step) {
  char address[24];
  std::snprintf(address, sizeof address, "%#llx", static_cast<unsigned long long>(pc));
  std::string text = std::string("==== block at ") + address + ": " +
                     std::to_string(guest_instructions) + " guest instructions" +
                     (single_step ? " (a step: accesses unchecked)" : "") + ", " +
                     std::to_string(host_code.size()) + " bytes of host code\n";
  if (options.guest) {
    static const LlvmDisassembler arm64("aarch64-linux-gnu", "", "+v8a,+crc,+lse,+rdm,+flagm");
    std::vector<std::uint8_t> bytes;
    for (unsigned i = 0; i < guest_instructions; ++i) {
      const std::uint32_t word = read(pc + 4 * i).value_or(0);
      for (int b = 0; b < 4; ++b) bytes.push_back(static_cast<std::uint8_t>(word >> (8 * b)));
    }
    text += "---- guest\n" + arm64.List(bytes, pc, 4, 4);
  }
  if (options.ir) text += "---- IR\n" + ir_before + "---- IR after passes\n" + ir_after;
  if (options.host) {
    text += "---- host\n" + backend::s390x::Disassemble(
                                host_code, reinterpret_cast<std::uintptr_t>(host_code.data()));
  }
  std::fputs(text.c_str(), stderr);
}

}  // namespace sae::runtime
