// sae-info: what this s390x host offers libsae, and whether it is enough.
#include <cstdint>
#include <cstdio>
#include <vector>

#include <CLI/CLI.hpp>

#include "command_line.h"

#include "sae/sae.h"

namespace {

// A built-in arm64 program: x1 = fib(90), computed in a loop, then SVC #0 hands control back.
constexpr std::uint32_t kFibonacci[] = {
    0xd2800b40,  // mov  x0, #90
    0xd2800001,  // mov  x1, #0
    0xd2800022,  // mov  x2, #1
    0x8b020023,  // loop: add x3, x1, x2
    0xaa0203e1,  // mov  x1, x2
    0xaa0303e2,  // mov  x2, x3
    0xf1000400,  // subs x0, x0, #1
    0x54ffff81,  // b.ne loop
    0xd4000001,  // svc  #0
};

// Runs kFibonacci through the public API as a VMM would: guest memory, a vCPU, sae_run().
int RunDemo() {
  std::vector<unsigned char> memory(64 * 1024);
  constexpr std::uint64_t kEntry = 0x1000;
  for (std::size_t i = 0; i < std::size(kFibonacci); ++i) {
    for (int b = 0; b < 4; ++b) {  // arm64 memory is little-endian
      memory[kEntry + 4 * i + b] = static_cast<unsigned char>(kFibonacci[i] >> (8 * b));
    }
  }
  sae_vm_config config{};
  config.api_version = SAE_API_VERSION;
  config.flags = SAE_VM_USER_MODE;
  config.memory = memory.data();
  config.memory_size = memory.size();
  sae_vm* vm = nullptr;
  sae_vcpu* vcpu = nullptr;
  if (sae_vm_create(&config, &vm) != 0 || sae_vcpu_create(vm, &vcpu) != 0) {
    std::fprintf(stderr, "sae-info: cannot create a VM\n");
    return 1;
  }
  sae_control_block* cb = sae_vcpu_control_block(vcpu);
  cb->pc = kEntry;
  const int intercept = sae_run(vcpu);
  const bool svc = intercept == SAE_INTERCEPT_SYNC_EXCEPTION && (cb->esr >> 26) == SAE_EC_SVC64;
  std::printf("arm64 demo: fib(90) = %llu, computed by the guest; it stopped with %s at pc 0x%llx\n",
              static_cast<unsigned long long>(cb->x[1]), svc ? "SVC #0" : "an unexpected intercept",
              static_cast<unsigned long long>(cb->pc));
  const bool right = svc && cb->x[1] == 2880067194370816120ull;  // the block dies with the vCPU
  sae_vcpu_destroy(vcpu);
  sae_vm_destroy(vm);
  return right ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Reports the host's s390x facilities (STFLE), whether the host meets libsae's minimum\n"
      "(z15: vector-enhancements 2, miscellaneous-instruction-extensions 3, ...), and whether\n"
      "generated code can run. Exits 0 on a qualifying host, 1 otherwise.",
      "sae-info"};
  bool quiet = false;
  bool demo = false;
  app.add_flag("-q,--quiet", quiet, "Print only the verdict line");
  app.add_flag("--demo", demo,
               "Then run a built-in arm64 program (fib(90)) through the C API and print its result");
  app.set_version_flag("--version", sae_version());
  if (const auto status = sae::tools::ParseCommandLine(app, argc, argv)) return *status;

  if (!quiet) {
    std::printf("libsae %s\n", sae_version());
    std::vector<sae_host_facility> facilities(sae_host_facilities(nullptr, 0));
    sae_host_facilities(facilities.data(), facilities.size());
    std::printf("s390x facilities (STFLE):\n");
    for (const auto& f : facilities) {
      std::printf("  %-7s %3u %-5s %-8s %s\n", f.present ? "yes" : "no", f.bit, f.name,
                  f.required ? "required" : "optional", f.description);
    }
  }
  char message[512];
  const sae_host_status status = sae_host_check(message, sizeof message);
  std::printf("%s: %s\n", status == SAE_HOST_OK ? "ok" : "NOT SUPPORTED", message);
  if (status != SAE_HOST_OK) return 1;
  return demo ? RunDemo() : 0;
}
