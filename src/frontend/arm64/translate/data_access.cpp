#include "frontend/arm64/translate/data_access.h"

#include "frontend/arm64/decoder/decoder.h"
#include "frontend/arm64/translate/load_store_forms.h"

namespace sae::frontend::arm64 {

namespace {

// A decoder visitor that records instead of translating; encodings without a method here are
// not single-register or pair accesses and leave the description empty.
struct Describer {
  DataAccess access;

  bool Unallocated(std::uint32_t) { return true; }
  bool NotTranslated(Encoding, std::uint32_t) { return true; }

  enum class MemOp { Store, LoadZero, LoadSigned32, LoadSigned64, Prefetch };
  enum class Form { Unscaled, PostIndex, PreIndex, UnsignedOffset, RegisterOffset };

  bool Single(Form form, unsigned size, MemOp op, Reg t) {
    if (op == MemOp::Prefetch) return true;
    const bool writeback = form == Form::PreIndex || form == Form::PostIndex;
    access = {.syndrome_valid = !writeback,
              .size_log2 = size,
              .sign_extend = op == MemOp::LoadSigned32 || op == MemOp::LoadSigned64,
              .transfer_register = t.index,
              .sixty_four = op == MemOp::LoadSigned64 || (op != MemOp::LoadSigned32 && size == 3),
              .footprint = 1u << size};
    return true;
  }
  bool Ordered(Imm<2> size, Reg t) {
    const auto log2 = static_cast<unsigned>(size.ZeroExtend());
    access = {.syndrome_valid = true, .size_log2 = log2, .transfer_register = t.index,
              .sixty_four = log2 == 3, .acquire_release = true, .footprint = 1u << log2};
    return true;
  }
  bool Pair(unsigned size) {
    access = {.size_log2 = size, .footprint = 2u << size};
    return true;
  }

// The addressing operands are the translator's business, not the syndrome's.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#define LOAD_STORE(name, addressing, size, operation)           \
  bool name(SAE_LDST_PARAMS_##addressing) {                     \
    return Single(Form::addressing, size, MemOp::operation, t); \
  }
#define LOAD_STORE_GEN(name, addressing, operation)                  \
  bool name(bool z, SAE_LDST_PARAMS_##addressing) {                  \
    return Single(Form::addressing, z ? 3 : 2, MemOp::operation, t); \
  }
#include "frontend/arm64/translate/load_store.inc"
#undef LOAD_STORE_GEN
#undef LOAD_STORE
#pragma GCC diagnostic pop

  bool LDAR(Imm<2> size, Reg, Reg t) { return Ordered(size, t); }
  bool LDAPR(Imm<2> size, Reg, Reg t) { return Ordered(size, t); }
  bool STLR(Imm<2> size, Reg, Reg t) { return Ordered(size, t); }

#define PAIR(name) \
  bool name(bool z, Imm<7>, Reg, Reg, Reg) { return Pair(z ? 3 : 2); }
  PAIR(STNP_gen) PAIR(LDNP_gen) PAIR(STP_gen_post) PAIR(STP_gen_off) PAIR(STP_gen_pre)
  PAIR(LDP_gen_post) PAIR(LDP_gen_off) PAIR(LDP_gen_pre)
#undef PAIR
  bool LDPSW_post(Imm<7>, Reg, Reg, Reg) { return Pair(2); }
  bool LDPSW_off(Imm<7>, Reg, Reg, Reg) { return Pair(2); }
  bool LDPSW_pre(Imm<7>, Reg, Reg, Reg) { return Pair(2); }
};

}  // namespace

DataAccess DescribeDataAccess(std::uint32_t word) {
  Describer describer;
  Decode(describer, word);
  return describer.access;
}

std::uint32_t DataAbortIss(const DataAccess& access, bool write, std::uint32_t fault_status) {
  std::uint32_t iss = (write ? 1u << 6 : 0u) | (fault_status & 0x3f);
  if (access.syndrome_valid) {
    iss |= 1u << 24 | access.size_log2 << 22 | (access.sign_extend ? 1u << 21 : 0u) |
           access.transfer_register << 16 | (access.sixty_four ? 1u << 15 : 0u) |
           (access.acquire_release ? 1u << 14 : 0u);
  }
  return iss;
}

}  // namespace sae::frontend::arm64
