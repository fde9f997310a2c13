// The arm64 ID registers that describe what the translator implements: derived from which
// encodings have visitor methods, so a feature is advertised exactly when every instruction of
// it is translated, and a guest that probes a feature it is told about gets it.
#pragma once

#include <cstdint>

namespace sae::frontend::arm64 {

struct IdRegisters {
  std::uint64_t midr_el1;
  std::uint64_t id_aa64pfr0_el1;
  std::uint64_t id_aa64pfr1_el1;
  std::uint64_t id_aa64isar0_el1;
  std::uint64_t id_aa64isar1_el1;
  std::uint64_t id_aa64isar2_el1;
  std::uint64_t ctr_el0;
  std::uint64_t dczid_el0;
  std::uint64_t cntfrq_el0;
};

const IdRegisters& TranslatedFeatures();

}  // namespace sae::frontend::arm64
