// The VM and vCPU part of the public API, and the run loop: sae_run() is the SAE instruction.
#include <cerrno>
#include <cstddef>
#include <atomic>
#include <cstring>
#include <new>

#include "frontend/arm64/translate/features.h"
#include "runtime/vcpu.h"

namespace {

using sae::runtime::VcpuState;

constexpr std::size_t kCodeCacheSize = 16u << 20;

// The offsets the generated code uses, from the structures themselves.
constexpr sae::backend::s390x::StateLayout kLayout = {
    .x0 = offsetof(VcpuState, control.x),
    .sp = offsetof(VcpuState, control.sp_el0),
    .pc = offsetof(VcpuState, control.pc),
    .pstate = offsetof(VcpuState, control.pstate),
    .intercept = offsetof(VcpuState, control.intercept),
    .esr = offsetof(VcpuState, control.esr),
    .far = offsetof(VcpuState, control.far),
    .check_bit = offsetof(VcpuState, check_bit),
    .kick = offsetof(VcpuState, kick),
    .memory_base = offsetof(VcpuState, memory_base),
    .memory_size = offsetof(VcpuState, memory_size),
    .not_translated = offsetof(VcpuState, not_translated),
    .tpidr_el0 = offsetof(VcpuState, control.tpidr_el0),
    .tpidrro_el0 = offsetof(VcpuState, control.tpidrro_el0),
    .fpcr = offsetof(VcpuState, control.fpcr),
    .fpsr = offsetof(VcpuState, control.fpsr),
    .invalidate = offsetof(VcpuState, invalidate),
    .exclusive_address = offsetof(VcpuState, exclusive_address),
    .exclusive_contents = offsetof(VcpuState, exclusive_contents),
    .atomic_scratch = offsetof(VcpuState, atomic_scratch),
};

// The public block's layout is ABI: these are the offsets its header documents.
static_assert(offsetof(sae_control_block, x) == 0x000);
static_assert(offsetof(sae_control_block, sp_el0) == 0x0f8);
static_assert(offsetof(sae_control_block, sp_el1) == 0x100);
static_assert(offsetof(sae_control_block, pc) == 0x108);
static_assert(offsetof(sae_control_block, pstate) == 0x110);
static_assert(offsetof(sae_control_block, fpcr) == 0x118);
static_assert(offsetof(sae_control_block, intercept) == 0x120);
static_assert(offsetof(sae_control_block, esr) == 0x128);
static_assert(offsetof(sae_control_block, far) == 0x130);
static_assert(offsetof(sae_control_block, tpidr_el0) == 0x138);
static_assert(offsetof(sae_control_block, tpidrro_el0) == 0x140);
static_assert(sizeof(sae_control_block) == 0x200);
static_assert(offsetof(VcpuState, control) == 0, "generated code addresses the block at 0");

// Guest memory as arm64 sees it: little-endian words.
std::optional<std::uint32_t> ReadInstruction(const sae_vm& vm, std::uint64_t pc) {
  if (pc % 4 != 0 || pc >= vm.config.memory_size || vm.config.memory_size - pc < 4) {
    return std::nullopt;
  }
  const auto* bytes = static_cast<const unsigned char*>(vm.config.memory) + pc;
  return static_cast<std::uint32_t>(bytes[0]) | static_cast<std::uint32_t>(bytes[1]) << 8 |
         static_cast<std::uint32_t>(bytes[2]) << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
}

}  // namespace

extern "C" void sae_query_features(sae_features* features) {
  if (features == nullptr) return;
  const auto& id = sae::frontend::arm64::TranslatedFeatures();
  *features = {id.midr_el1,         id.id_aa64pfr0_el1,  id.id_aa64pfr1_el1,
               id.id_aa64isar0_el1, id.id_aa64isar1_el1, id.id_aa64isar2_el1,
               id.ctr_el0,          id.dczid_el0,        id.cntfrq_el0};
}

extern "C" int sae_vm_create(const sae_vm_config* config, sae_vm** vm) {
  if (config == nullptr || vm == nullptr) return -EINVAL;
  if (config->api_version != SAE_API_VERSION) return -ENOTSUP;
  if (config->flags != SAE_VM_USER_MODE) return -ENOTSUP;  // EL1 guests come with a later API
  // Guest memory must be 16-byte aligned on the host: the atomic emitters' CS/CSG/CDSG need the
  // host address as aligned as the guest address.
  if (config->memory == nullptr || config->memory_size == 0 ||
      reinterpret_cast<std::uintptr_t>(config->memory) % 16 != 0 ||
      config->memory_size >= (std::uint64_t{1} << 63)) {
    return -EINVAL;
  }
  *vm = new (std::nothrow) sae_vm{*config};
  return *vm != nullptr ? 0 : -ENOMEM;
}

extern "C" void sae_vm_destroy(sae_vm* vm) { delete vm; }

extern "C" int sae_vcpu_create(sae_vm* vm, sae_vcpu** vcpu) {
  if (vm == nullptr || vcpu == nullptr) return -EINVAL;
  auto* created = new (std::nothrow) sae_vcpu;
  if (created == nullptr) return -ENOMEM;
  created->vm = vm;
  created->state.memory_base = reinterpret_cast<std::uintptr_t>(vm->config.memory);
  created->state.memory_size = vm->config.memory_size;
  created->code = std::make_unique<sae::runtime::CodeCache>(kCodeCacheSize, kLayout);
  if (!created->code->valid()) {
    delete created;
    return -ENOMEM;
  }
  *vcpu = created;
  return 0;
}

extern "C" void sae_vcpu_destroy(sae_vcpu* vcpu) { delete vcpu; }

extern "C" sae_control_block* sae_vcpu_control_block(sae_vcpu* vcpu) {
  return vcpu != nullptr ? &vcpu->state.control : nullptr;
}

extern "C" void sae_vcpu_invalidate_code(sae_vcpu* vcpu, std::uint64_t address, std::uint64_t size) {
  if (vcpu == nullptr || size == 0) return;
  const std::uint64_t end = address + size < address ? ~std::uint64_t{0} : address + size;
  vcpu->code->Invalidate(address, end);
}

extern "C" void sae_kick(sae_vcpu* vcpu) {
  if (vcpu != nullptr) std::atomic_ref<std::uint32_t>(vcpu->state.kick).store(1, std::memory_order_release);
}

extern "C" int sae_vcpu_stats(sae_vcpu* vcpu, sae_vcpu_statistics* stats) {
  if (vcpu == nullptr || stats == nullptr) return -EINVAL;
  stats->blocks_translated = vcpu->code->translated();
  stats->dispatches = vcpu->dispatches;
  stats->not_translated = vcpu->state.not_translated;
  stats->code_flushes = vcpu->code->flushes();
  return 0;
}

extern "C" int sae_run(sae_vcpu* vcpu) {
  if (vcpu == nullptr) return -EINVAL;
  sae_control_block& control = vcpu->state.control;
  const sae_vm& vm = *vcpu->vm;
  const sae::frontend::arm64::CodeReader read = [&vm](std::uint64_t pc) {
    return ReadInstruction(vm, pc);
  };
  control.intercept = SAE_INTERCEPT_NONE;
  // Returning to the guest is an exception return, which clears the local exclusive monitor.
  vcpu->state.exclusive_address = VcpuState::kNoExclusive;
  for (;;) {
    if (std::atomic_ref<std::uint32_t>(vcpu->state.kick).exchange(0, std::memory_order_acquire) != 0) {
      control.intercept = SAE_INTERCEPT_STOP;
      return SAE_INTERCEPT_STOP;
    }
    const std::byte* code = vcpu->code->Get(control.pc, read);
    if (code == nullptr) return -ENOMEM;
    ++vcpu->dispatches;
    vcpu->code->Enter(&vcpu->state, code);
    if (vcpu->state.invalidate != VcpuState::kNoInvalidation) {
      // IC IVAU: the cache line (CTR_EL0.IminLine = 64 bytes) of the address.
      const std::uint64_t line = vcpu->state.invalidate & ~std::uint64_t{63};
      vcpu->code->Invalidate(line, line + 64);
      vcpu->state.invalidate = VcpuState::kNoInvalidation;
    }
    if (control.intercept != SAE_INTERCEPT_NONE) return static_cast<int>(control.intercept);
  }
}
