// The VM and vCPU part of the public API, and the run loop: sae_run() is the SAE instruction.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <new>

#include "frontend/arm64/translate/data_access.h"
#include "frontend/arm64/translate/features.h"
#include "runtime/vcpu.h"

namespace {

using sae::runtime::PageFlags;
using sae::runtime::VcpuState;
namespace s390x = sae::backend::s390x;

constexpr std::uint32_t kKnownVmFlags = SAE_VM_USER_MODE | SAE_VM_TOP_BYTE_IGNORE | SAE_VM_DUMP_GUEST |
                                        SAE_VM_DUMP_IR | SAE_VM_DUMP_HOST;

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
    .page_flags = offsetof(VcpuState, page_flags),
    .jump_cache = offsetof(VcpuState, jump_cache),
    .vector = offsetof(VcpuState, control.v),
    .interpreter = offsetof(VcpuState, interpreter),
    .call_save = offsetof(VcpuState, call_save),
};
static_assert(offsetof(VcpuState, vector_staging) == offsetof(VcpuState, control.v) + 32 * 16,
              "generated code reaches the staging area as V32-V35");

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
static_assert(offsetof(sae_control_block, v) == 0x200);
static_assert(sizeof(sae_control_block) == 0x400);
static_assert(offsetof(VcpuState, control) == 0, "generated code addresses the block at 0");

// The interpreter call of generated code (s390x::InterpreterCall): an instruction the
// interpreter does not carry out counts as not translated, like one the translator lacks.
std::uint32_t InterpretFromGeneratedCode(void* state, std::uint32_t word, std::uint32_t encoding) {
  auto& vcpu = *static_cast<VcpuState*>(state);
  const auto result = sae::frontend::arm64::Interpret(
      vcpu.control, vcpu.vector_staging, static_cast<sae::frontend::arm64::Encoding>(encoding), word);
  if (result == sae::frontend::arm64::InterpretResult::NotImplemented) ++vcpu.not_translated;
  return static_cast<std::uint32_t>(result);
}
constexpr s390x::InterpreterCall kInterpreterCall = InterpretFromGeneratedCode;

bool Overlaps(std::uint64_t begin, std::uint64_t end, std::uint64_t base, std::uint64_t size) {
  return begin < base + size && base < end;
}

// Guest memory as arm64 sees it: little-endian words. MMIO regions hold no instructions: a
// fetch there is an instruction abort, like one outside the window.
std::optional<std::uint32_t> ReadInstruction(const sae_vm& vm, std::uint64_t pc) {
  if (pc % 4 != 0 || pc >= vm.config.memory_size || vm.config.memory_size - pc < 4) {
    return std::nullopt;
  }
  for (const sae_mmio_region& region : vm.mmio) {
    if (Overlaps(pc, pc + 4, region.base, region.size)) return std::nullopt;
  }
  const auto* bytes = static_cast<const unsigned char*>(vm.config.memory) + pc;
  return static_cast<std::uint32_t>(bytes[0]) | static_cast<std::uint32_t>(bytes[1]) << 8 |
         static_cast<std::uint32_t>(bytes[2]) << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
}

std::uint32_t Kick(sae_vcpu& vcpu, std::uint32_t request) {
  return std::atomic_ref<std::uint32_t>(vcpu.state.kick).fetch_or(request, std::memory_order_release);
}

// Guest code in [begin, end) changed: this vCPU forgets its translations now, the others at
// their next return to the run loop, which they are asked to make soon.
void InvalidateEverywhere(sae_vcpu& vcpu, std::uint64_t begin, std::uint64_t end) {
  vcpu.code->Invalidate(begin, end);
  sae_vm& vm = *vcpu.vm;
  const std::lock_guard lock(vm.mutex);
  if (vm.vcpus.size() == 1) return;
  vm.invalidations.emplace_back(begin, end);
  vm.invalidation_count.fetch_add(1, std::memory_order_release);
  ++vcpu.invalidations_applied;
  for (sae_vcpu* other : vm.vcpus) {
    if (other != &vcpu) Kick(*other, VcpuState::kKickInvalidate);
  }
}

void ApplyInvalidations(sae_vcpu& vcpu) {
  sae_vm& vm = *vcpu.vm;
  if (vm.invalidation_count.load(std::memory_order_acquire) == vcpu.invalidations_applied) return;
  const std::lock_guard lock(vm.mutex);
  const std::uint64_t count = vm.invalidation_count.load(std::memory_order_relaxed);
  for (std::uint64_t n = vcpu.invalidations_applied; n < count; ++n) {
    const auto& [begin, end] = vm.invalidations[n - vm.invalidations_dropped];
    vcpu.code->Invalidate(begin, end);
  }
  vcpu.invalidations_applied = count;
  // Drop what every vCPU has applied.
  std::uint64_t oldest = count;
  for (const sae_vcpu* other : vm.vcpus) oldest = std::min(oldest, other->invalidations_applied);
  vm.invalidations.erase(vm.invalidations.begin(),
                         vm.invalidations.begin() + static_cast<std::ptrdiff_t>(oldest - vm.invalidations_dropped));
  vm.invalidations_dropped = oldest;
}

// A data abort's syndrome with what the instruction at the PC says about its access.
void AddAccessSyndrome(const sae_vm& vm, sae_control_block& control, std::uint32_t fault_status) {
  const bool write = (control.esr >> 6) & 1;
  const auto word = ReadInstruction(vm, control.pc);
  const auto access = sae::frontend::arm64::DescribeDataAccess(word.value_or(0));
  control.esr = (0x24ull << 26) | (1ull << 25) |
                sae::frontend::arm64::DataAbortIss(access, write, fault_status);
}

// The generated code stopped before an access to a flagged page (kInterceptPageAccess): an MMIO
// access becomes the host's intercept (true); any other may go ahead, after a store has
// invalidated the code it overwrites (false).
bool IsHostAccess(sae_vcpu& vcpu) {
  sae_control_block& control = vcpu.state.control;
  const sae_vm& vm = *vcpu.vm;
  const std::uint64_t address = control.far;
  const unsigned size = control.esr & 0xff;
  const bool write = (control.esr & 0x100) != 0;
  // The instruction's whole access: the first access of a pair is the one that stopped.
  const auto word = ReadInstruction(vm, control.pc);
  const unsigned footprint =
      std::max(size, sae::frontend::arm64::DescribeDataAccess(word.value_or(0)).footprint);
  const std::uint64_t end = std::min(address + footprint, vm.config.memory_size);
  for (const sae_mmio_region& region : vm.mmio) {
    if (Overlaps(address, end, region.base, region.size)) {
      // A translation fault, level 3, as for an unmapped stage-2 page.
      control.far = std::max(address, region.base);
      control.esr = (0x24ull << 26) | (write ? 1u << 6 : 0u) | 0x07;
      control.intercept = SAE_INTERCEPT_HOST_ACCESS;
      return true;
    }
  }
  if (write) InvalidateEverywhere(vcpu, address, end);
  return false;
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
  // EL1 guests come with a later API.
  if ((config->flags & SAE_VM_USER_MODE) == 0 || (config->flags & ~kKnownVmFlags) != 0) return -ENOTSUP;
  // Guest memory must be 16-byte aligned on the host: the atomic emitters' CS/CSG/CDSG need the
  // host address as aligned as the guest address.
  if (config->memory == nullptr || config->memory_size == 0 ||
      reinterpret_cast<std::uintptr_t>(config->memory) % 16 != 0 ||
      config->memory_size >= (std::uint64_t{1} << 63)) {
    return -EINVAL;
  }
  if (config->mmio_region_count != 0 && config->mmio_regions == nullptr) return -EINVAL;
  if (config->code_cache_size != 0 && config->code_cache_size < SAE_MIN_CODE_CACHE_SIZE) {
    return -EINVAL;
  }
  for (std::size_t i = 0; i < config->mmio_region_count; ++i) {
    const sae_mmio_region& region = config->mmio_regions[i];
    if (region.size == 0 || region.base >= config->memory_size ||
        config->memory_size - region.base < region.size) {
      return -EINVAL;
    }
    for (std::size_t j = 0; j < i; ++j) {
      const sae_mmio_region& other = config->mmio_regions[j];
      if (Overlaps(region.base, region.base + region.size, other.base, other.size)) return -EINVAL;
    }
  }
  auto* created = new (std::nothrow) sae_vm(*config);
  if (created == nullptr) return -ENOMEM;
  if (!created->pages.valid()) {
    delete created;
    return -ENOMEM;
  }
  for (const sae_mmio_region& region : created->mmio) {
    created->pages.Add(region.base, region.base + region.size, PageFlags::kMmio);
  }
  *vm = created;
  return 0;
}

extern "C" void sae_vm_destroy(sae_vm* vm) { delete vm; }

extern "C" int sae_vcpu_create(sae_vm* vm, sae_vcpu** vcpu) {
  if (vm == nullptr || vcpu == nullptr) return -EINVAL;
  auto* created = new (std::nothrow) sae_vcpu;
  if (created == nullptr) return -ENOMEM;
  created->vm = vm;
  created->state.memory_base = reinterpret_cast<std::uintptr_t>(vm->config.memory);
  created->state.memory_size = vm->config.memory_size;
  created->state.page_flags = reinterpret_cast<std::uintptr_t>(vm->pages.data());
  // Stores always test for translated code; loads only when there are MMIO regions.
  const std::uint8_t mmio = vm->mmio.empty() ? 0 : PageFlags::kMmio;
  const s390x::CodegenOptions options = {
      .load_page_flags = mmio,
      .store_page_flags = static_cast<std::uint8_t>(PageFlags::kCode | mmio),
      .top_byte_ignore = (vm->config.flags & SAE_VM_TOP_BYTE_IGNORE) != 0};
  const std::size_t code_size = vm->config.code_cache_size != 0 ? vm->config.code_cache_size
                                                                : SAE_DEFAULT_CODE_CACHE_SIZE;
  created->code = std::make_unique<sae::runtime::CodeCache>(
      code_size, kLayout, options, [vm](std::uint64_t begin, std::uint64_t end) {
        vm->pages.Add(begin, end, PageFlags::kCode);
      },
      sae::runtime::DumpOptionsFor(vm->config.flags));
  if (!created->code->valid()) {
    delete created;
    return -ENOMEM;
  }
  created->state.jump_cache = reinterpret_cast<std::uintptr_t>(created->code->jump_cache());
  created->state.interpreter = reinterpret_cast<std::uintptr_t>(kInterpreterCall);
  const std::lock_guard lock(vm->mutex);
  vm->vcpus.push_back(created);
  created->invalidations_applied = vm->invalidation_count.load(std::memory_order_relaxed);
  *vcpu = created;
  return 0;
}

extern "C" void sae_vcpu_destroy(sae_vcpu* vcpu) {
  if (vcpu == nullptr) return;
  {
    const std::lock_guard lock(vcpu->vm->mutex);
    std::erase(vcpu->vm->vcpus, vcpu);
  }
  delete vcpu;
}

extern "C" sae_control_block* sae_vcpu_control_block(sae_vcpu* vcpu) {
  return vcpu != nullptr ? &vcpu->state.control : nullptr;
}

extern "C" void sae_vcpu_invalidate_code(sae_vcpu* vcpu, std::uint64_t address, std::uint64_t size) {
  if (vcpu == nullptr || size == 0) return;
  const std::uint64_t end = address + size < address ? ~std::uint64_t{0} : address + size;
  // Host writes into data (every read() a program does) cost only a look at the page flags.
  if (!vcpu->vm->pages.Any(address, end, PageFlags::kCode)) return;
  vcpu->code->Invalidate(address, end);
}

extern "C" void sae_kick(sae_vcpu* vcpu) {
  if (vcpu != nullptr) Kick(*vcpu, VcpuState::kKickStop);
}

extern "C" int sae_vcpu_stats(sae_vcpu* vcpu, sae_vcpu_statistics* stats) {
  if (vcpu == nullptr || stats == nullptr) return -EINVAL;
  stats->blocks_translated = vcpu->code->translated();
  stats->dispatches = vcpu->dispatches;
  stats->not_translated = vcpu->state.not_translated;
  stats->code_flushes = vcpu->code->flushes();
  stats->page_exits = vcpu->page_exits;
  stats->guest_instructions_translated = vcpu->code->guest_instructions_translated();
  stats->translation_nanoseconds = vcpu->code->translation_nanoseconds();
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
    const std::uint32_t requests =
        std::atomic_ref<std::uint32_t>(vcpu->state.kick).exchange(0, std::memory_order_acquire);
    ApplyInvalidations(*vcpu);
    if ((requests & VcpuState::kKickStop) != 0) {
      control.intercept = SAE_INTERCEPT_STOP;
      return SAE_INTERCEPT_STOP;
    }
    const std::byte* code = vcpu->code->Get(control.pc, read);
    if (code == nullptr) return -ENOMEM;
    ++vcpu->dispatches;
    vcpu->code->Enter(&vcpu->state, code);
    for (;;) {
      if (vcpu->state.invalidate != VcpuState::kNoInvalidation) {
        // IC IVAU: the cache line (CTR_EL0.IminLine = 64 bytes) of the address, on every vCPU.
        const std::uint64_t line = vcpu->state.invalidate & ~std::uint64_t{63};
        InvalidateEverywhere(*vcpu, line, line + 64);
        vcpu->state.invalidate = VcpuState::kNoInvalidation;
      }
      if (control.intercept != s390x::kInterceptPageAccess || IsHostAccess(*vcpu)) break;
      const std::byte* step = vcpu->code->GetStep(control.pc, read);
      if (step == nullptr) return -ENOMEM;
      ++vcpu->page_exits;
      control.intercept = SAE_INTERCEPT_NONE;
      vcpu->code->Enter(&vcpu->state, step);
    }
    if (control.intercept == SAE_INTERCEPT_HOST_ACCESS && (control.esr >> 26) == 0x24) {
      AddAccessSyndrome(vm, control, control.esr & 0x3f);
    }
    if (control.intercept != SAE_INTERCEPT_NONE) return static_cast<int>(control.intercept);
  }
}
