#include "elf_loader.h"

#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELF.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>

namespace sae::run {

namespace {

std::string Message(llvm::Error error) { return llvm::toString(std::move(error)); }

}  // namespace

std::variant<LoadedImage, std::string> LoadElf(const std::string& host_path, GuestMemory& memory,
                                               std::uint64_t dynamic_base) {
  auto buffer = llvm::MemoryBuffer::getFile(host_path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer) return buffer.getError().message();
  const llvm::StringRef bytes = (*buffer)->getBuffer();
  if (bytes.size() < llvm::ELF::EI_NIDENT || !bytes.starts_with("\x7f" "ELF")) {
    return std::string("not an ELF file");
  }
  if (static_cast<unsigned char>(bytes[llvm::ELF::EI_CLASS]) != llvm::ELF::ELFCLASS64 ||
      static_cast<unsigned char>(bytes[llvm::ELF::EI_DATA]) != llvm::ELF::ELFDATA2LSB) {
    return std::string("not a 64-bit little-endian ELF file (arm64 programs are)");
  }
  auto file = llvm::object::ELF64LEFile::create(bytes);
  if (!file) return Message(file.takeError());
  const auto& header = file->getHeader();
  if (header.e_machine != llvm::ELF::EM_AARCH64) return std::string("not an arm64 (AArch64) program");
  if (header.e_type != llvm::ELF::ET_EXEC && header.e_type != llvm::ELF::ET_DYN) {
    return std::string("not an executable (ELF type ") + std::to_string(header.e_type) + ")";
  }
  auto headers = file->program_headers();
  if (!headers) return Message(headers.takeError());

  LoadedImage image;
  image.bias = header.e_type == llvm::ELF::ET_DYN ? dynamic_base : 0;
  image.program_header_count = header.e_phnum;
  image.program_header_size = header.e_phentsize;
  // The segments' span is mapped (and zeroed) as a whole first: neighbouring segments may
  // share a page, and bss is the zeroed rest of the last ones.
  std::uint64_t low = ~std::uint64_t{0}, high = 0;
  for (const auto& segment : *headers) {
    if (segment.p_type == llvm::ELF::PT_INTERP) {
      if (segment.p_offset > bytes.size() || segment.p_filesz > bytes.size() - segment.p_offset ||
          segment.p_filesz == 0) {
        return std::string("PT_INTERP lies outside the file");
      }
      image.interpreter.assign(bytes.data() + segment.p_offset, segment.p_filesz);
      image.interpreter.resize(std::min(image.interpreter.find('\0'), image.interpreter.size()));
    }
    if (segment.p_type == llvm::ELF::PT_PHDR) image.program_headers = segment.p_vaddr + image.bias;
    if (segment.p_type != llvm::ELF::PT_LOAD || segment.p_memsz == 0) continue;
    const std::uint64_t address = segment.p_vaddr + image.bias;
    // (A segment with nothing from the file, all bss, may name any offset.)
    if (segment.p_filesz > segment.p_memsz ||
        (segment.p_filesz != 0 && (segment.p_offset > bytes.size() ||
                                   segment.p_filesz > bytes.size() - segment.p_offset))) {
      return std::string("a PT_LOAD segment lies outside the file");
    }
    if (address + segment.p_memsz < address || memory.Host(address, segment.p_memsz) == nullptr) {
      return std::string("a PT_LOAD segment lies outside the guest address space");
    }
    low = std::min(low, address);
    high = std::max(high, address + segment.p_memsz);
  }
  if (high == 0) return std::string("no loadable segment");
  memory.Map(low, high - low);
  for (const auto& segment : *headers) {
    if (segment.p_type != llvm::ELF::PT_LOAD || segment.p_memsz == 0) continue;
    const std::uint64_t address = segment.p_vaddr + image.bias;
    if (segment.p_filesz != 0) {
      std::copy_n(bytes.data() + segment.p_offset, segment.p_filesz, memory.Host(address, segment.p_filesz));
    }
    if (image.program_headers == 0 && segment.p_offset == 0 &&
        header.e_phoff + std::uint64_t{header.e_phnum} * header.e_phentsize <= segment.p_filesz) {
      image.program_headers = address + header.e_phoff;  // the headers are in the first segment
    }
  }
  image.end = high;
  image.entry = header.e_entry + image.bias;
  return image;
}

}  // namespace sae::run
