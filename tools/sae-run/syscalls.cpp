#include "syscalls.h"

#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <linux/futex.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "guest_thread.h"

namespace sae::run {

namespace {

constexpr std::int64_t Error(int error) { return -static_cast<std::int64_t>(error); }
std::int64_t Result(std::int64_t result) { return result < 0 ? Error(errno) : result; }

const char* Name(std::uint64_t number) {
  switch (number) {
#define SYSCALL(value, name) \
  case value:                \
    return #name;
#include "syscalls.inc"
#undef SYSCALL
    default: return nullptr;
  }
}

// arm64's open flags that differ from the host's (asm-generic vs. arm64's own fcntl.h).
constexpr std::uint64_t kArmDirectory = 040000, kArmNoFollow = 0100000, kArmDirect = 0200000,
                        kArmLargeFile = 0400000;
int HostOpenFlags(std::uint64_t flags) {
  int host = static_cast<int>(flags & ~(kArmDirectory | kArmNoFollow | kArmDirect | kArmLargeFile));
  if (flags & kArmDirectory) host |= O_DIRECTORY;
  if (flags & kArmNoFollow) host |= O_NOFOLLOW;
  if (flags & kArmDirect) host |= O_DIRECT;
  return host;
}
std::uint64_t GuestOpenFlags(int host) {
  std::uint64_t flags = static_cast<unsigned>(host) & ~static_cast<unsigned>(O_DIRECTORY | O_NOFOLLOW | O_DIRECT | O_LARGEFILE);
  if (host & O_DIRECTORY) flags |= kArmDirectory;
  if (host & O_NOFOLLOW) flags |= kArmNoFollow;
  if (host & O_DIRECT) flags |= kArmDirect;
  return flags;
}

// /proc/self/exe is the guest's program, not sae-run (nor the emulator running sae-run).
bool NamesOwnExecutable(const std::string& path) {
  return path == "/proc/self/exe" || path == "/proc/thread-self/exe" ||
         path == "/proc/" + std::to_string(::getpid()) + "/exe";
}

// eventfd and timerfd descriptors read and write a u64 counter in the host's byte order.
bool IsCounter(int fd) {
  char target[32] = {};
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  if (::readlink(link.c_str(), target, sizeof target - 1) < 0) return false;
  return std::strcmp(target, "anon_inode:[eventfd]") == 0 || std::strcmp(target, "anon_inode:[timerfd]") == 0;
}

int DirectoryFd(std::uint64_t fd) {
  return static_cast<int>(fd) == -100 ? AT_FDCWD : static_cast<int>(fd);  // AT_FDCWD is -100 on both
}

}  // namespace

std::string HostPath(const std::string& prefix, const std::string& path) {
  if (prefix.empty() || path.empty() || path[0] != '/') return path;
  const std::string prefixed = prefix + path;
  struct stat status;
  return lstat(prefixed.c_str(), &status) == 0 ? prefixed : path;
}

Syscalls::Syscalls(Process& process, sae_vcpu* vcpu, Signals& signals)
    : process_(&process),
      memory_(process.memory),
      vcpu_(vcpu),
      signals_(&signals),
      options_(process.syscall_options) {}

void Syscalls::Wrote(std::uint64_t address, std::uint64_t size) {
  if (size != 0) sae_vcpu_invalidate_code(vcpu_, address, size);
}

std::optional<std::string> Syscalls::Path(std::uint64_t address) const {
  const auto path = memory_.String(address, 4096);
  if (!path) return std::nullopt;
  return HostPath(NamesOwnExecutable(*path) ? options_.executable : *path);
}

std::optional<Syscalls::Exit> Syscalls::Handle() {
  sae_control_block* cb = sae_vcpu_control_block(vcpu_);
  const std::uint64_t number = cb->x[8];
  const Args args{{cb->x[0], cb->x[1], cb->x[2], cb->x[3], cb->x[4], cb->x[5]}};
  std::int64_t result = 0;
  switch (number) {
#define SYSCALL(value, name)  \
  case value:                 \
    result = name(args);      \
    break;
#include "syscalls.inc"
#undef SYSCALL
    default: result = Error(ENOSYS); break;
  }
  if (options_.strace) {
    const char* name = Name(number);
    if (name != nullptr) {
      std::fprintf(stderr, "%s(%#llx, %#llx, %#llx, %#llx) = %lld\n", name,
                   static_cast<unsigned long long>(args.a[0]), static_cast<unsigned long long>(args.a[1]),
                   static_cast<unsigned long long>(args.a[2]), static_cast<unsigned long long>(args.a[3]),
                   static_cast<long long>(result));
    } else {
      std::fprintf(stderr, "syscall %llu (not implemented) = -ENOSYS\n",
                   static_cast<unsigned long long>(number));
    }
  }
  if (!exit_ && !returned_from_signal_) cb->x[0] = static_cast<std::uint64_t>(result);
  returned_from_signal_ = false;
  return exit_;
}

// ---- Files.
std::int64_t Syscalls::openat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::openat(DirectoryFd(args.a[0]), path->c_str(), HostOpenFlags(args.a[2]),
                         static_cast<mode_t>(args.a[3])));
}
std::int64_t Syscalls::close(const Args& args) {
  // The host's own standard streams stay: a guest closing them only closes its view.
  return Result(::close(static_cast<int>(args.a[0])));
}
std::int64_t Syscalls::dup(const Args& args) { return Result(::dup(static_cast<int>(args.a[0]))); }
std::int64_t Syscalls::dup3(const Args& args) {
  return Result(::dup3(static_cast<int>(args.a[0]), static_cast<int>(args.a[1]), HostOpenFlags(args.a[2])));
}
std::int64_t Syscalls::fcntl(const Args& args) {
  const int fd = static_cast<int>(args.a[0]);
  const int command = static_cast<int>(args.a[1]);
  switch (command) {
    case F_GETFL: {
      const int flags = ::fcntl(fd, F_GETFL);
      return flags < 0 ? Error(errno) : static_cast<std::int64_t>(GuestOpenFlags(flags));
    }
    case F_SETFL: return Result(::fcntl(fd, F_SETFL, HostOpenFlags(args.a[2])));
    case F_GETFD: case F_SETFD: case F_DUPFD: case F_DUPFD_CLOEXEC:
      return Result(::fcntl(fd, command, static_cast<int>(args.a[2])));
    default: return Error(EINVAL);
  }
}
std::int64_t Syscalls::pipe2(const Args& args) {
  int fds[2];
  if (::pipe2(fds, HostOpenFlags(args.a[1])) != 0) return Error(errno);
  if (!memory_.Store<std::int32_t>(args.a[0], fds[0]) || !memory_.Store<std::int32_t>(args.a[0] + 4, fds[1])) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Error(EFAULT);
  }
  return 0;
}
std::int64_t Syscalls::lseek(const Args& args) {
  return Result(::lseek(static_cast<int>(args.a[0]), static_cast<off_t>(args.a[1]), static_cast<int>(args.a[2])));
}
std::int64_t Syscalls::read(const Args& args) {
  std::uint8_t* buffer = memory_.Host(args.a[1], args.a[2]);
  if (buffer == nullptr && args.a[2] != 0) return Error(EFAULT);
  const std::int64_t result = Result(::read(static_cast<int>(args.a[0]), buffer, args.a[2]));
  if (result == 8 && IsCounter(static_cast<int>(args.a[0]))) std::reverse(buffer, buffer + 8);
  if (result > 0) Wrote(args.a[1], static_cast<std::uint64_t>(result));
  return result;
}
std::int64_t Syscalls::pread64(const Args& args) {
  std::uint8_t* buffer = memory_.Host(args.a[1], args.a[2]);
  if (buffer == nullptr && args.a[2] != 0) return Error(EFAULT);
  const std::int64_t result =
      Result(::pread(static_cast<int>(args.a[0]), buffer, args.a[2], static_cast<off_t>(args.a[3])));
  if (result > 0) Wrote(args.a[1], static_cast<std::uint64_t>(result));
  return result;
}
std::int64_t Syscalls::write(const Args& args) {
  const std::uint8_t* buffer = memory_.Host(args.a[1], args.a[2]);
  if (buffer == nullptr && args.a[2] != 0) return Error(EFAULT);
  if (args.a[2] == 8 && IsCounter(static_cast<int>(args.a[0]))) {
    std::uint8_t value[8];
    std::reverse_copy(buffer, buffer + 8, value);
    return Result(::write(static_cast<int>(args.a[0]), value, 8));
  }
  return Result(::write(static_cast<int>(args.a[0]), buffer, args.a[2]));
}
std::int64_t Syscalls::pwrite64(const Args& args) {
  const std::uint8_t* buffer = memory_.Host(args.a[1], args.a[2]);
  if (buffer == nullptr && args.a[2] != 0) return Error(EFAULT);
  return Result(::pwrite(static_cast<int>(args.a[0]), buffer, args.a[2], static_cast<off_t>(args.a[3])));
}

namespace {
// struct iovec { void* base; size_t len; } in guest memory, as host iovecs.
std::optional<std::vector<iovec>> IoVectors(const GuestMemory& memory, std::uint64_t address, std::uint64_t count) {
  if (count > 1024) return std::nullopt;  // UIO_MAXIOV
  std::vector<iovec> vectors;
  for (std::uint64_t i = 0; i < count; ++i) {
    const auto base = memory.Load<std::uint64_t>(address + 16 * i);
    const auto length = memory.Load<std::uint64_t>(address + 16 * i + 8);
    if (!base || !length) return std::nullopt;
    std::uint8_t* host = memory.Host(*base, *length);
    if (host == nullptr && *length != 0) return std::nullopt;
    vectors.push_back({host, *length});
  }
  return vectors;
}
}  // namespace

std::int64_t Syscalls::readv(const Args& args) {
  const auto vectors = IoVectors(memory_, args.a[1], args.a[2]);
  if (!vectors) return Error(EFAULT);
  const std::int64_t result = Result(::readv(static_cast<int>(args.a[0]), vectors->data(), static_cast<int>(vectors->size())));
  for (std::size_t i = 0; i < vectors->size() && result > 0; ++i) {
    Wrote(static_cast<std::uint64_t>(static_cast<std::uint8_t*>((*vectors)[i].iov_base) - memory_.base()), (*vectors)[i].iov_len);
  }
  return result;
}
std::int64_t Syscalls::writev(const Args& args) {
  const auto vectors = IoVectors(memory_, args.a[1], args.a[2]);
  if (!vectors) return Error(EFAULT);
  return Result(::writev(static_cast<int>(args.a[0]), vectors->data(), static_cast<int>(vectors->size())));
}

// arm64's struct stat (asm-generic): 128 bytes.
std::int64_t Syscalls::Stat(int result, const struct stat& host, std::uint64_t address) {
  if (result != 0) return Error(errno);
  if (memory_.Host(address, 128) == nullptr) return Error(EFAULT);
  std::memset(memory_.Host(address, 128), 0, 128);
  memory_.Store<std::uint64_t>(address + 0, host.st_dev);
  memory_.Store<std::uint64_t>(address + 8, host.st_ino);
  memory_.Store<std::uint32_t>(address + 16, host.st_mode);
  memory_.Store<std::uint32_t>(address + 20, static_cast<std::uint32_t>(host.st_nlink));
  memory_.Store<std::uint32_t>(address + 24, host.st_uid);
  memory_.Store<std::uint32_t>(address + 28, host.st_gid);
  memory_.Store<std::uint64_t>(address + 32, host.st_rdev);
  memory_.Store<std::int64_t>(address + 48, host.st_size);
  memory_.Store<std::int32_t>(address + 56, static_cast<std::int32_t>(host.st_blksize));
  memory_.Store<std::int64_t>(address + 64, host.st_blocks);
  memory_.Store<std::int64_t>(address + 72, host.st_atim.tv_sec);
  memory_.Store<std::int64_t>(address + 80, host.st_atim.tv_nsec);
  memory_.Store<std::int64_t>(address + 88, host.st_mtim.tv_sec);
  memory_.Store<std::int64_t>(address + 96, host.st_mtim.tv_nsec);
  memory_.Store<std::int64_t>(address + 104, host.st_ctim.tv_sec);
  memory_.Store<std::int64_t>(address + 112, host.st_ctim.tv_nsec);
  return 0;
}
std::int64_t Syscalls::fstat(const Args& args) {
  struct stat host;
  return Stat(::fstat(static_cast<int>(args.a[0]), &host), host, args.a[1]);
}
std::int64_t Syscalls::newfstatat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  struct stat host;
  return Stat(::fstatat(DirectoryFd(args.a[0]), path->c_str(), &host, static_cast<int>(args.a[3])), host, args.a[2]);
}
std::int64_t Syscalls::readlinkat(const Args& args) {
  const auto guest_path = memory_.String(args.a[1]);
  std::uint8_t* buffer = memory_.Host(args.a[2], args.a[3]);
  if (!guest_path || buffer == nullptr) return Error(EFAULT);
  if (NamesOwnExecutable(*guest_path)) {
    const std::size_t size = std::min<std::size_t>(options_.executable.size(), args.a[3]);
    std::memcpy(buffer, options_.executable.data(), size);
    Wrote(args.a[2], size);
    return static_cast<std::int64_t>(size);
  }
  const std::string path = HostPath(*guest_path);
  const std::int64_t result =
      Result(::readlinkat(DirectoryFd(args.a[0]), path.c_str(), reinterpret_cast<char*>(buffer), args.a[3]));
  if (result > 0) Wrote(args.a[2], static_cast<std::uint64_t>(result));
  return result;
}
std::int64_t Syscalls::faccessat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::faccessat(DirectoryFd(args.a[0]), path->c_str(), static_cast<int>(args.a[2]), 0));
}
std::int64_t Syscalls::getdents64(const Args& args) {
  // struct linux_dirent64 { u64 ino; s64 off; u16 reclen; u8 type; char name[]; }: the same
  // layout on both, in each one's byte order.
  std::uint8_t* buffer = memory_.Host(args.a[1], args.a[2]);
  if (buffer == nullptr) return Error(EFAULT);
  const long result = ::syscall(SYS_getdents64, static_cast<int>(args.a[0]), buffer, args.a[2]);
  if (result < 0) return Error(errno);
  for (long offset = 0; offset < result;) {
    std::uint64_t ino, off;
    std::uint16_t reclen;
    std::memcpy(&ino, buffer + offset, 8);
    std::memcpy(&off, buffer + offset + 8, 8);
    std::memcpy(&reclen, buffer + offset + 16, 2);
    const std::uint64_t at = args.a[1] + static_cast<std::uint64_t>(offset);
    memory_.Store<std::uint64_t>(at, ino);
    memory_.Store<std::uint64_t>(at + 8, off);
    memory_.Store<std::uint16_t>(at + 16, reclen);
    if (reclen == 0) break;
    offset += reclen;
  }
  return result;
}
std::int64_t Syscalls::getcwd(const Args& args) {
  std::uint8_t* buffer = memory_.Host(args.a[0], args.a[1]);
  if (buffer == nullptr) return Error(EFAULT);
  if (::getcwd(reinterpret_cast<char*>(buffer), args.a[1]) == nullptr) return Error(errno);
  return static_cast<std::int64_t>(std::strlen(reinterpret_cast<char*>(buffer)) + 1);
}
std::int64_t Syscalls::fchdir(const Args& args) { return Result(::fchdir(static_cast<int>(args.a[0]))); }
std::int64_t Syscalls::chdir(const Args& args) {
  const auto path = Path(args.a[0]);
  if (!path) return Error(EFAULT);
  return Result(::chdir(path->c_str()));
}
std::int64_t Syscalls::mkdirat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::mkdirat(DirectoryFd(args.a[0]), path->c_str(), static_cast<mode_t>(args.a[2])));
}
std::int64_t Syscalls::unlinkat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::unlinkat(DirectoryFd(args.a[0]), path->c_str(), static_cast<int>(args.a[2])));
}
std::int64_t Syscalls::renameat(const Args& args) {
  const auto from = Path(args.a[1]), to = Path(args.a[3]);
  if (!from || !to) return Error(EFAULT);
  return Result(::renameat(DirectoryFd(args.a[0]), from->c_str(), DirectoryFd(args.a[2]), to->c_str()));
}
std::int64_t Syscalls::umask(const Args& args) { return ::umask(static_cast<mode_t>(args.a[0])); }

std::int64_t Syscalls::ioctl(const Args& args) {
  const int fd = static_cast<int>(args.a[0]);
  const std::uint64_t request = args.a[1], address = args.a[2];
  constexpr std::uint64_t kTcgets = 0x5401, kTcsets = 0x5402, kTcsetsw = 0x5403, kTcsetsf = 0x5404,
                          kTiocgwinsz = 0x5413;
  // struct termios (asm-generic): four u32 flags, c_line, c_cc[19]; 36 bytes.
  if (request == kTcgets) {
    struct termios host;
    if (tcgetattr(fd, &host) != 0) return Error(errno);
    if (memory_.Host(address, 36) == nullptr) return Error(EFAULT);
    memory_.Store<std::uint32_t>(address, host.c_iflag);
    memory_.Store<std::uint32_t>(address + 4, host.c_oflag);
    memory_.Store<std::uint32_t>(address + 8, host.c_cflag);
    memory_.Store<std::uint32_t>(address + 12, host.c_lflag);
    memory_.Store<std::uint8_t>(address + 16, host.c_line);
    std::memcpy(memory_.Host(address + 17, 19), host.c_cc, 19);
    return 0;
  }
  if (request == kTcsets || request == kTcsetsw || request == kTcsetsf) {
    struct termios host;
    if (tcgetattr(fd, &host) != 0) return Error(errno);
    if (memory_.Host(address, 36) == nullptr) return Error(EFAULT);
    host.c_iflag = *memory_.Load<std::uint32_t>(address);
    host.c_oflag = *memory_.Load<std::uint32_t>(address + 4);
    host.c_cflag = *memory_.Load<std::uint32_t>(address + 8);
    host.c_lflag = *memory_.Load<std::uint32_t>(address + 12);
    host.c_line = *memory_.Load<std::uint8_t>(address + 16);
    std::memcpy(host.c_cc, memory_.Host(address + 17, 19), 19);
    const int when = request == kTcsets ? TCSANOW : request == kTcsetsw ? TCSADRAIN : TCSAFLUSH;
    return Result(tcsetattr(fd, when, &host));
  }
  if (request == kTiocgwinsz) {
    struct winsize size;
    if (::ioctl(fd, TIOCGWINSZ, &size) != 0) return Error(errno);
    if (!memory_.Store<std::uint16_t>(address, size.ws_row)) return Error(EFAULT);
    memory_.Store<std::uint16_t>(address + 2, size.ws_col);
    memory_.Store<std::uint16_t>(address + 4, size.ws_xpixel);
    memory_.Store<std::uint16_t>(address + 6, size.ws_ypixel);
    return 0;
  }
  return Error(ENOTTY);
}

std::int64_t Syscalls::ppoll(const Args& args) {
  // struct pollfd { int fd; short events, revents; }, the same bits on both.
  const std::uint64_t count = args.a[1];
  if (count > 4096) return Error(EINVAL);
  std::vector<pollfd> fds(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    const auto fd = memory_.Load<std::int32_t>(args.a[0] + 8 * i);
    const auto events = memory_.Load<std::int16_t>(args.a[0] + 8 * i + 4);
    if (!fd || !events) return Error(EFAULT);
    fds[i] = {*fd, *events, 0};
  }
  struct timespec timeout;
  if (args.a[2] != 0) {
    const auto seconds = memory_.Load<std::int64_t>(args.a[2]);
    const auto nanoseconds = memory_.Load<std::int64_t>(args.a[2] + 8);
    if (!seconds || !nanoseconds) return Error(EFAULT);
    timeout = {*seconds, *nanoseconds};
  }
  const int result = ::ppoll(fds.data(), count, args.a[2] != 0 ? &timeout : nullptr, nullptr);
  if (result < 0) return Error(errno);
  for (std::uint64_t i = 0; i < count; ++i) memory_.Store<std::int16_t>(args.a[0] + 8 * i + 6, fds[i].revents);
  return result;
}

// ---- Process, time, identity.
std::int64_t Syscalls::exit(const Args& args) {
  exit_ = Exit{static_cast<int>(args.a[0] & 0xff), false};
  return 0;
}
std::int64_t Syscalls::exit_group(const Args& args) {
  exit_ = Exit{static_cast<int>(args.a[0] & 0xff), true};
  return 0;
}
std::int64_t Syscalls::set_tid_address(const Args&) { return ::gettid(); }
std::int64_t Syscalls::set_robust_list(const Args&) { return 0; }
std::int64_t Syscalls::futex(const Args& args) {
  // Guest memory is host memory: the host's futex works on it, given the values it compares in
  // the host's byte order (the guest's word, little-endian, read big-endian).
  constexpr int kCommand = 0x7f;  // without FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME
  const int operation = static_cast<int>(args.a[1]);
  std::uint8_t* word = memory_.Host(args.a[0], 4);
  if (word == nullptr || args.a[0] % 4 != 0) return Error(args.a[0] % 4 != 0 ? EINVAL : EFAULT);
  const auto swap = [](std::uint64_t value) { return __builtin_bswap32(static_cast<std::uint32_t>(value)); };
  switch (operation & kCommand) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
      struct timespec timeout;
      if (args.a[3] != 0) {
        const auto seconds = memory_.Load<std::int64_t>(args.a[3]);
        const auto nanoseconds = memory_.Load<std::int64_t>(args.a[3] + 8);
        if (!seconds || !nanoseconds) return Error(EFAULT);
        timeout = {*seconds, *nanoseconds};
      }
      return Result(::syscall(SYS_futex, word, operation, swap(args.a[2]), args.a[3] != 0 ? &timeout : nullptr,
                              nullptr, static_cast<std::uint32_t>(args.a[5])));
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
      return Result(::syscall(SYS_futex, word, operation, static_cast<std::uint32_t>(args.a[2]), nullptr, nullptr,
                              static_cast<std::uint32_t>(args.a[5])));
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
      std::uint8_t* target = memory_.Host(args.a[4], 4);
      if (target == nullptr) return Error(EFAULT);
      return Result(::syscall(SYS_futex, word, operation, static_cast<std::uint32_t>(args.a[2]),
                              static_cast<std::uintptr_t>(args.a[3]), target, swap(args.a[5])));
    }
    default: return Error(ENOSYS);
  }
}
std::int64_t Syscalls::sched_yield(const Args&) { return Result(::sched_yield()); }
std::int64_t Syscalls::rt_sigaction(const Args& args) {
  if (args.a[3] != 8) return Error(EINVAL);  // sizeof(sigset_t)
  return signals_->SetAction(static_cast<int>(args.a[0]), args.a[1], args.a[2]);
}
std::int64_t Syscalls::rt_sigprocmask(const Args& args) {
  if (args.a[3] != 8) return Error(EINVAL);
  return signals_->SetMask(static_cast<int>(args.a[0]), args.a[1], args.a[2]);
}
std::int64_t Syscalls::rt_sigsuspend(const Args& args) {
  if (args.a[1] != 8) return Error(EINVAL);
  return signals_->Suspend(args.a[0]);
}
std::int64_t Syscalls::rt_sigpending(const Args& args) {
  if (args.a[1] != 8) return Error(EINVAL);
  return signals_->StorePending(args.a[0]);
}
std::int64_t Syscalls::sigaltstack(const Args& args) { return signals_->SetAltStack(args.a[0], args.a[1]); }
std::int64_t Syscalls::rt_sigreturn(const Args&) {
  returned_from_signal_ = true;
  return signals_->Return();
}
// Signals to this process (one thread): queued for a guest handler, or acted on by the host.
std::int64_t Syscalls::kill(const Args& args) {
  const auto pid = static_cast<pid_t>(args.a[0]);
  if (pid != ::getpid() && pid != 0) return Result(::kill(pid, static_cast<int>(args.a[1])));
  return signals_->Raise(static_cast<int>(args.a[1]));
}
std::int64_t Syscalls::tkill(const Args& args) {
  if (static_cast<pid_t>(args.a[0]) != ::gettid()) return Error(ESRCH);
  return signals_->Raise(static_cast<int>(args.a[1]));
}
std::int64_t Syscalls::tgkill(const Args& args) {
  if (static_cast<pid_t>(args.a[0]) != ::getpid() || static_cast<pid_t>(args.a[1]) != ::gettid()) {
    return Error(ESRCH);
  }
  return signals_->Raise(static_cast<int>(args.a[2]));
}
std::int64_t Syscalls::setpgid(const Args& args) {
  return Result(::setpgid(static_cast<pid_t>(args.a[0]), static_cast<pid_t>(args.a[1])));
}
std::int64_t Syscalls::getpgid(const Args& args) { return Result(::getpgid(static_cast<pid_t>(args.a[0]))); }
std::int64_t Syscalls::getsid(const Args& args) { return Result(::getsid(static_cast<pid_t>(args.a[0]))); }
std::int64_t Syscalls::setsid(const Args&) { return Result(::setsid()); }
std::int64_t Syscalls::prctl(const Args& args) {
  // The thread's name (16 bytes); the rest concerns the host process, not the guest.
  constexpr int kSetName = 15, kGetName = 16, kNameSize = 16;
  switch (static_cast<int>(args.a[0])) {
    case kSetName: {
      char name[kNameSize] = {};  // at most 15 bytes of the guest's, NUL or not, as Linux
      for (int i = 0; i < kNameSize - 1; ++i) {
        const auto byte = memory_.Load<std::uint8_t>(args.a[1] + static_cast<unsigned>(i));
        if (!byte) return Error(EFAULT);
        if (*byte == 0) break;
        name[i] = static_cast<char>(*byte);
      }
      return Result(::prctl(PR_SET_NAME, name));
    }
    case kGetName: {
      std::uint8_t* name = memory_.Host(args.a[1], kNameSize);
      if (name == nullptr) return Error(EFAULT);
      return Result(::prctl(PR_GET_NAME, name));
    }
    default: return Error(EINVAL);
  }
}

// Threads (CLONE_THREAD: a host thread with its own vCPU), fork and vfork (a vfork child gets a
// copy of memory, which is all a program may rely on).
std::int64_t Syscalls::clone(const Args& args) {
  constexpr std::uint64_t kVm = 0x100, kVfork = 0x4000, kThread = 0x10000, kSetTls = 0x80000,
                          kParentSetTid = 0x100000, kChildSetTid = 0x1000000;
  const std::uint64_t flags = args.a[0];
  if (flags & kThread) {
    if (!(flags & kVm)) return Error(EINVAL);
    return StartThread(*process_, *sae_vcpu_control_block(vcpu_), flags, args.a[1], args.a[2], args.a[3],
                       args.a[4]);
  }
  if ((flags & kVm) && !(flags & kVfork)) return Error(EINVAL);
  const pid_t pid = ::fork();
  if (pid < 0) return Error(errno);
  sae_control_block* cb = sae_vcpu_control_block(vcpu_);
  if (pid == 0) {
    if (args.a[1] != 0) cb->sp_el0 = args.a[1];
    if (flags & kSetTls) cb->tpidr_el0 = args.a[3];
    if (flags & kChildSetTid) memory_.Store<std::int32_t>(args.a[4], ::gettid());
    return 0;
  }
  if (flags & kParentSetTid) memory_.Store<std::int32_t>(args.a[2], pid);
  return pid;
}

std::int64_t Syscalls::execve(const Args& args) {
  auto path = memory_.String(args.a[0]);
  if (!path) return Error(EFAULT);
  if (NamesOwnExecutable(*path)) path = options_.executable;
  const auto strings = [&](std::uint64_t address, std::vector<std::string>& out) {
    for (std::uint64_t i = 0; address != 0; ++i) {
      const auto pointer = memory_.Load<std::uint64_t>(address + 8 * i);
      if (!pointer) return false;
      if (*pointer == 0) return true;
      const auto text = memory_.String(*pointer, 1 << 17);
      if (!text) return false;
      out.push_back(*text);
    }
    return true;
  };
  std::vector<std::string> argv, envp;
  if (!strings(args.a[1], argv) || !strings(args.a[2], envp)) return Error(EFAULT);
  // The guest's error for what is not a program it could run, before the host is involved.
  const std::string host_path = HostPath(*path);
  const int fd = ::open(host_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error(errno);
  unsigned char header[20] = {};
  const ssize_t got = ::read(fd, header, sizeof header);
  ::close(fd);
  const bool script = got >= 2 && header[0] == '#' && header[1] == '!';
  const bool arm64 = got >= 20 && std::memcmp(header, "\x7f" "ELF", 4) == 0 && header[18] == 183;  // EM_AARCH64
  if (!script && !arm64) return Error(ENOEXEC);
  if (::access(host_path.c_str(), X_OK) != 0) return Error(errno);
  std::vector<std::string> command = options_.reexec;
  command.push_back("--argv0");
  command.push_back(argv.empty() ? *path : argv[0]);
  command.push_back("--");
  command.push_back(*path);
  for (std::size_t i = 1; i < argv.size(); ++i) command.push_back(argv[i]);
  std::vector<char*> host_argv, host_envp;
  for (std::string& s : command) host_argv.push_back(s.data());
  host_argv.push_back(nullptr);
  for (std::string& s : envp) host_envp.push_back(s.data());
  host_envp.push_back(nullptr);
  ::execvpe(host_argv[0], host_argv.data(), host_envp.data());
  return Error(errno);
}

std::int64_t Syscalls::wait4(const Args& args) {
  int status = 0;
  struct rusage usage;
  const pid_t pid = ::wait4(static_cast<pid_t>(args.a[0]), &status, static_cast<int>(args.a[2]), &usage);
  if (pid < 0) return Error(errno);
  if (args.a[1] != 0 && !memory_.Store<std::int32_t>(args.a[1], status)) return Error(EFAULT);
  if (args.a[3] != 0 && !StoreRusage(usage, args.a[3])) return Error(EFAULT);
  return pid;
}

std::int64_t Syscalls::getpid(const Args&) { return ::getpid(); }
std::int64_t Syscalls::getppid(const Args&) { return ::getppid(); }
std::int64_t Syscalls::getuid(const Args&) { return ::getuid(); }
std::int64_t Syscalls::geteuid(const Args&) { return ::geteuid(); }
std::int64_t Syscalls::getgid(const Args&) { return ::getgid(); }
std::int64_t Syscalls::getegid(const Args&) { return ::getegid(); }
std::int64_t Syscalls::gettid(const Args&) { return ::gettid(); }
std::int64_t Syscalls::uname(const Args& args) {
  struct utsname host;
  if (::uname(&host) != 0) return Error(errno);
  std::uint8_t* guest = memory_.Host(args.a[0], 6 * 65);
  if (guest == nullptr) return Error(EFAULT);
  std::strncpy(host.machine, "aarch64", sizeof host.machine);
  const char* fields[] = {host.sysname, host.nodename, host.release, host.version, host.machine, host.domainname};
  for (int i = 0; i < 6; ++i) std::strncpy(reinterpret_cast<char*>(guest + 65 * i), fields[i], 65);
  return 0;
}
std::int64_t Syscalls::clock_gettime(const Args& args) {
  struct timespec now;
  if (::clock_gettime(static_cast<clockid_t>(args.a[0]), &now) != 0) return Error(errno);
  if (!memory_.Store<std::int64_t>(args.a[1], now.tv_sec)) return Error(EFAULT);
  memory_.Store<std::int64_t>(args.a[1] + 8, now.tv_nsec);
  return 0;
}
std::int64_t Syscalls::gettimeofday(const Args& args) {
  struct timeval now;
  if (::gettimeofday(&now, nullptr) != 0) return Error(errno);
  if (args.a[0] != 0) {
    if (!memory_.Store<std::int64_t>(args.a[0], now.tv_sec)) return Error(EFAULT);
    memory_.Store<std::int64_t>(args.a[0] + 8, now.tv_usec);
  }
  return 0;
}
std::int64_t Syscalls::nanosleep(const Args& args) {
  const auto seconds = memory_.Load<std::int64_t>(args.a[0]);
  const auto nanoseconds = memory_.Load<std::int64_t>(args.a[0] + 8);
  if (!seconds || !nanoseconds) return Error(EFAULT);
  struct timespec request{*seconds, *nanoseconds}, remaining{};
  const int result = ::nanosleep(&request, &remaining);
  if (result != 0 && args.a[1] != 0) {
    memory_.Store<std::int64_t>(args.a[1], remaining.tv_sec);
    memory_.Store<std::int64_t>(args.a[1] + 8, remaining.tv_nsec);
  }
  return Result(result);
}
std::int64_t Syscalls::getrandom(const Args& args) {
  std::uint8_t* buffer = memory_.Host(args.a[0], args.a[1]);
  if (buffer == nullptr && args.a[1] != 0) return Error(EFAULT);
  return Result(::getrandom(buffer, args.a[1], static_cast<unsigned>(args.a[2])));
}
std::int64_t Syscalls::prlimit64(const Args& args) {
  // struct rlimit64 { u64 cur, max; }; resource numbers are the same on both.
  struct rlimit64 new_limit, old_limit;
  if (args.a[2] != 0) {
    const auto current = memory_.Load<std::uint64_t>(args.a[2]);
    const auto maximum = memory_.Load<std::uint64_t>(args.a[2] + 8);
    if (!current || !maximum) return Error(EFAULT);
    new_limit = {*current, *maximum};
  }
  if (::prlimit64(static_cast<pid_t>(args.a[0]), static_cast<__rlimit_resource>(args.a[1]),
                  args.a[2] != 0 ? &new_limit : nullptr, args.a[3] != 0 ? &old_limit : nullptr) != 0) {
    return Error(errno);
  }
  if (args.a[3] != 0) {
    if (!memory_.Store<std::uint64_t>(args.a[3], old_limit.rlim_cur)) return Error(EFAULT);
    memory_.Store<std::uint64_t>(args.a[3] + 8, old_limit.rlim_max);
  }
  return 0;
}

// ---- Memory.
std::int64_t Syscalls::brk(const Args& args) { return static_cast<std::int64_t>(memory_.Break(args.a[0])); }

std::int64_t Syscalls::mmap(const Args& args) {
  const std::uint64_t hint = args.a[0], length = args.a[1], flags = args.a[3], offset = args.a[5];
  const int fd = static_cast<int>(args.a[4]);
  constexpr std::uint64_t kFixed = 0x10, kAnonymous = 0x20, kFixedNoReplace = 0x100000;
  if (length == 0 || hint % GuestMemory::kPageSize != 0 || offset % GuestMemory::kPageSize != 0) {
    return Error(EINVAL);
  }
  const std::uint64_t size = GuestMemory::PageUp(length);
  std::uint64_t address = 0;
  if (flags & (kFixed | kFixedNoReplace)) {
    if (memory_.Host(hint, size) == nullptr) return Error(ENOMEM);
    if ((flags & kFixedNoReplace) && !memory_.IsFree(hint, size)) return Error(EEXIST);
    address = hint;
  } else if (hint != 0 && memory_.IsFree(hint, size)) {
    address = hint;
  } else {
    const auto found = memory_.FindFree(size);
    if (!found) return Error(ENOMEM);
    address = *found;
  }
  memory_.Map(address, size);
  if (!(flags & kAnonymous)) {
    // A private copy of the file (MAP_SHARED writes are not written back yet).
    std::uint8_t* host = memory_.Host(address, length);
    for (std::uint64_t done = 0; done < length;) {
      const ssize_t got = ::pread(fd, host + done, length - done, static_cast<off_t>(offset + done));
      if (got < 0) {
        memory_.Unmap(address, size);
        return Error(errno);
      }
      if (got == 0) break;
      done += static_cast<std::uint64_t>(got);
    }
  }
  Wrote(address, size);
  return static_cast<std::int64_t>(address);
}
std::int64_t Syscalls::munmap(const Args& args) {
  if (args.a[0] % GuestMemory::kPageSize != 0 || memory_.Host(args.a[0], args.a[1]) == nullptr) {
    return Error(EINVAL);
  }
  memory_.Unmap(args.a[0], args.a[1]);
  Wrote(args.a[0], args.a[1]);
  return 0;
}
std::int64_t Syscalls::mprotect(const Args& args) {
  // Protection is not enforced: libsae's window has no per-page permissions.
  return memory_.Host(args.a[0], args.a[1]) != nullptr ? 0 : Error(ENOMEM);
}
std::int64_t Syscalls::madvise(const Args&) { return 0; }

}  // namespace sae::run

namespace sae::run {

bool Syscalls::StoreRusage(const struct rusage& usage, std::uint64_t address) const {
  // struct rusage: two timevals, then 14 longs; all 64-bit on both.
  const std::int64_t fields[18] = {usage.ru_utime.tv_sec, usage.ru_utime.tv_usec, usage.ru_stime.tv_sec,
                                   usage.ru_stime.tv_usec, usage.ru_maxrss, usage.ru_ixrss, usage.ru_idrss,
                                   usage.ru_isrss, usage.ru_minflt, usage.ru_majflt, usage.ru_nswap,
                                   usage.ru_inblock, usage.ru_oublock, usage.ru_msgsnd, usage.ru_msgrcv,
                                   usage.ru_nsignals, usage.ru_nvcsw, usage.ru_nivcsw};
  for (std::uint64_t i = 0; i < 18; ++i) {
    if (!memory_.Store<std::int64_t>(address + 8 * i, fields[i])) return false;
  }
  return true;
}

std::optional<struct timespec> Syscalls::LoadTimespec(std::uint64_t address) const {
  const auto seconds = memory_.Load<std::int64_t>(address);
  const auto nanoseconds = memory_.Load<std::int64_t>(address + 8);
  if (!seconds || !nanoseconds) return std::nullopt;
  return timespec{*seconds, *nanoseconds};
}
bool Syscalls::StoreTimespec(std::uint64_t address, const struct timespec& value) const {
  return memory_.Store<std::int64_t>(address, value.tv_sec) && memory_.Store<std::int64_t>(address + 8, value.tv_nsec);
}

// ---- More files: metadata, links, sizes, synchronization.
std::int64_t Syscalls::statx(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  struct statx host;
  if (::statx(DirectoryFd(args.a[0]), path->c_str(), static_cast<int>(args.a[2]), static_cast<unsigned>(args.a[3]),
              &host) != 0) {
    return Error(errno);
  }
  // struct statx: the same 256-byte layout on both, in each one's byte order.
  const std::uint64_t at = args.a[4];
  std::uint8_t* guest = memory_.Host(at, 256);
  if (guest == nullptr) return Error(EFAULT);
  std::memset(guest, 0, 256);
  memory_.Store<std::uint32_t>(at + 0, host.stx_mask);
  memory_.Store<std::uint32_t>(at + 4, host.stx_blksize);
  memory_.Store<std::uint64_t>(at + 8, host.stx_attributes);
  memory_.Store<std::uint32_t>(at + 16, host.stx_nlink);
  memory_.Store<std::uint32_t>(at + 20, host.stx_uid);
  memory_.Store<std::uint32_t>(at + 24, host.stx_gid);
  memory_.Store<std::uint16_t>(at + 28, host.stx_mode);
  memory_.Store<std::uint64_t>(at + 32, host.stx_ino);
  memory_.Store<std::uint64_t>(at + 40, host.stx_size);
  memory_.Store<std::uint64_t>(at + 48, host.stx_blocks);
  memory_.Store<std::uint64_t>(at + 56, host.stx_attributes_mask);
  const struct statx_timestamp* times[] = {&host.stx_atime, &host.stx_btime, &host.stx_ctime, &host.stx_mtime};
  for (std::uint64_t i = 0; i < 4; ++i) {
    memory_.Store<std::int64_t>(at + 64 + 16 * i, times[i]->tv_sec);
    memory_.Store<std::uint32_t>(at + 72 + 16 * i, times[i]->tv_nsec);
  }
  memory_.Store<std::uint32_t>(at + 128, host.stx_rdev_major);
  memory_.Store<std::uint32_t>(at + 132, host.stx_rdev_minor);
  memory_.Store<std::uint32_t>(at + 136, host.stx_dev_major);
  memory_.Store<std::uint32_t>(at + 140, host.stx_dev_minor);
  return 0;
}

namespace {
// struct statfs (asm-generic, 64-bit): every field 64 bits but f_fsid's two ints; 120 bytes.
std::int64_t StoreStatfs(const GuestMemory& memory, int result, const struct statfs& host, std::uint64_t at) {
  if (result != 0) return Error(errno);
  std::uint8_t* guest = memory.Host(at, 120);
  if (guest == nullptr) return Error(EFAULT);
  std::memset(guest, 0, 120);
  const std::uint64_t fields[] = {static_cast<std::uint64_t>(host.f_type), static_cast<std::uint64_t>(host.f_bsize),
                                  host.f_blocks, host.f_bfree, host.f_bavail, host.f_files, host.f_ffree};
  for (std::uint64_t i = 0; i < 7; ++i) memory.Store<std::uint64_t>(at + 8 * i, fields[i]);
  int fsid[2];
  std::memcpy(fsid, &host.f_fsid, sizeof fsid);
  memory.Store<std::int32_t>(at + 56, fsid[0]);
  memory.Store<std::int32_t>(at + 60, fsid[1]);
  memory.Store<std::uint64_t>(at + 64, static_cast<std::uint64_t>(host.f_namelen));
  memory.Store<std::uint64_t>(at + 72, static_cast<std::uint64_t>(host.f_frsize));
  memory.Store<std::uint64_t>(at + 80, static_cast<std::uint64_t>(host.f_flags));
  return 0;
}
}  // namespace

std::int64_t Syscalls::statfs(const Args& args) {
  const auto path = Path(args.a[0]);
  if (!path) return Error(EFAULT);
  struct statfs host;
  return StoreStatfs(memory_, ::statfs(path->c_str(), &host), host, args.a[1]);
}
std::int64_t Syscalls::fstatfs(const Args& args) {
  struct statfs host;
  return StoreStatfs(memory_, ::fstatfs(static_cast<int>(args.a[0]), &host), host, args.a[1]);
}
std::int64_t Syscalls::utimensat(const Args& args) {
  // A null path is the descriptor itself (futimens); times are null (now) or two timespecs,
  // UTIME_NOW and UTIME_OMIT the same on both.
  std::optional<std::string> path;
  if (args.a[1] != 0 && !(path = Path(args.a[1]))) return Error(EFAULT);
  struct timespec times[2];
  if (args.a[2] != 0) {
    const auto access = LoadTimespec(args.a[2]), modification = LoadTimespec(args.a[2] + 16);
    if (!access || !modification) return Error(EFAULT);
    times[0] = *access;
    times[1] = *modification;
  }
  return Result(::syscall(SYS_utimensat, DirectoryFd(args.a[0]), path ? path->c_str() : nullptr,
                          args.a[2] != 0 ? times : nullptr, static_cast<int>(args.a[3])));
}
std::int64_t Syscalls::fchmod(const Args& args) {
  return Result(::fchmod(static_cast<int>(args.a[0]), static_cast<mode_t>(args.a[1])));
}
std::int64_t Syscalls::fchmodat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::syscall(SYS_fchmodat, DirectoryFd(args.a[0]), path->c_str(), static_cast<mode_t>(args.a[2])));
}
std::int64_t Syscalls::fchown(const Args& args) {
  return Result(::fchown(static_cast<int>(args.a[0]), static_cast<uid_t>(args.a[1]), static_cast<gid_t>(args.a[2])));
}
std::int64_t Syscalls::fchownat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::fchownat(DirectoryFd(args.a[0]), path->c_str(), static_cast<uid_t>(args.a[2]),
                           static_cast<gid_t>(args.a[3]), static_cast<int>(args.a[4])));
}
std::int64_t Syscalls::faccessat2(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::faccessat(DirectoryFd(args.a[0]), path->c_str(), static_cast<int>(args.a[2]),
                            static_cast<int>(args.a[3])));
}
std::int64_t Syscalls::symlinkat(const Args& args) {
  // The link's target is stored as the guest wrote it, never looked up under the prefix.
  const auto target = memory_.String(args.a[0]);
  const auto path = Path(args.a[2]);
  if (!target || !path) return Error(EFAULT);
  return Result(::symlinkat(target->c_str(), DirectoryFd(args.a[1]), path->c_str()));
}
std::int64_t Syscalls::linkat(const Args& args) {
  const auto from = Path(args.a[1]), to = Path(args.a[3]);
  if (!from || !to) return Error(EFAULT);
  return Result(::linkat(DirectoryFd(args.a[0]), from->c_str(), DirectoryFd(args.a[2]), to->c_str(),
                         static_cast<int>(args.a[4])));
}
std::int64_t Syscalls::renameat2(const Args& args) {
  const auto from = Path(args.a[1]), to = Path(args.a[3]);
  if (!from || !to) return Error(EFAULT);
  return Result(::syscall(SYS_renameat2, DirectoryFd(args.a[0]), from->c_str(), DirectoryFd(args.a[2]), to->c_str(),
                          static_cast<unsigned>(args.a[4])));
}
std::int64_t Syscalls::mknodat(const Args& args) {
  const auto path = Path(args.a[1]);
  if (!path) return Error(EFAULT);
  return Result(::mknodat(DirectoryFd(args.a[0]), path->c_str(), static_cast<mode_t>(args.a[2]),
                          static_cast<dev_t>(args.a[3])));
}
std::int64_t Syscalls::truncate(const Args& args) {
  const auto path = Path(args.a[0]);
  if (!path) return Error(EFAULT);
  return Result(::truncate(path->c_str(), static_cast<off_t>(args.a[1])));
}
std::int64_t Syscalls::ftruncate(const Args& args) {
  return Result(::ftruncate(static_cast<int>(args.a[0]), static_cast<off_t>(args.a[1])));
}
std::int64_t Syscalls::fallocate(const Args& args) {
  return Result(::fallocate(static_cast<int>(args.a[0]), static_cast<int>(args.a[1]), static_cast<off_t>(args.a[2]),
                            static_cast<off_t>(args.a[3])));
}
std::int64_t Syscalls::fadvise64(const Args& args) {
  // Advice only (and numbered differently on s390x): a valid descriptor is all Linux checks.
  return ::fcntl(static_cast<int>(args.a[0]), F_GETFD) < 0 ? Error(EBADF) : 0;
}
std::int64_t Syscalls::flock(const Args& args) {
  return Result(::flock(static_cast<int>(args.a[0]), static_cast<int>(args.a[1])));
}
std::int64_t Syscalls::sync(const Args&) {
  ::sync();
  return 0;
}
std::int64_t Syscalls::fsync(const Args& args) { return Result(::fsync(static_cast<int>(args.a[0]))); }
std::int64_t Syscalls::fdatasync(const Args& args) { return Result(::fdatasync(static_cast<int>(args.a[0]))); }
std::int64_t Syscalls::sendfile(const Args& args) {
  // The offset, if any, is a guest s64 read before and written back after.
  off_t offset = 0;
  if (args.a[2] != 0) {
    const auto value = memory_.Load<std::int64_t>(args.a[2]);
    if (!value) return Error(EFAULT);
    offset = *value;
  }
  const std::int64_t result = Result(::sendfile(static_cast<int>(args.a[0]), static_cast<int>(args.a[1]),
                                                args.a[2] != 0 ? &offset : nullptr, args.a[3]));
  if (result >= 0 && args.a[2] != 0) memory_.Store<std::int64_t>(args.a[2], offset);
  return result;
}

// Extended attributes: names and values are bytes, the same on both.
std::int64_t Syscalls::GetAttribute(const Args& args, bool follow) {
  const auto path = Path(args.a[0]);
  const auto name = memory_.String(args.a[1], 256);
  std::uint8_t* value = memory_.Host(args.a[2], args.a[3]);
  if (!path || !name || (value == nullptr && args.a[3] != 0)) return Error(EFAULT);
  const std::int64_t result = Result(follow ? ::getxattr(path->c_str(), name->c_str(), value, args.a[3])
                                            : ::lgetxattr(path->c_str(), name->c_str(), value, args.a[3]));
  if (result > 0) Wrote(args.a[2], static_cast<std::uint64_t>(result));
  return result;
}
std::int64_t Syscalls::ListAttributes(const Args& args, bool follow) {
  const auto path = Path(args.a[0]);
  std::uint8_t* list = memory_.Host(args.a[1], args.a[2]);
  if (!path || (list == nullptr && args.a[2] != 0)) return Error(EFAULT);
  char* names = reinterpret_cast<char*>(list);
  const std::int64_t result = Result(follow ? ::listxattr(path->c_str(), names, args.a[2])
                                            : ::llistxattr(path->c_str(), names, args.a[2]));
  if (result > 0) Wrote(args.a[1], static_cast<std::uint64_t>(result));
  return result;
}
std::int64_t Syscalls::getxattr(const Args& args) { return GetAttribute(args, true); }
std::int64_t Syscalls::lgetxattr(const Args& args) { return GetAttribute(args, false); }
std::int64_t Syscalls::listxattr(const Args& args) { return ListAttributes(args, true); }
std::int64_t Syscalls::llistxattr(const Args& args) { return ListAttributes(args, false); }
std::int64_t Syscalls::fgetxattr(const Args& args) {
  const auto name = memory_.String(args.a[1], 256);
  std::uint8_t* value = memory_.Host(args.a[2], args.a[3]);
  if (!name || (value == nullptr && args.a[3] != 0)) return Error(EFAULT);
  const std::int64_t result = Result(::fgetxattr(static_cast<int>(args.a[0]), name->c_str(), value, args.a[3]));
  if (result > 0) Wrote(args.a[2], static_cast<std::uint64_t>(result));
  return result;
}
std::int64_t Syscalls::flistxattr(const Args& args) {
  std::uint8_t* list = memory_.Host(args.a[1], args.a[2]);
  if (list == nullptr && args.a[2] != 0) return Error(EFAULT);
  const std::int64_t result =
      Result(::flistxattr(static_cast<int>(args.a[0]), reinterpret_cast<char*>(list), args.a[2]));
  if (result > 0) Wrote(args.a[1], static_cast<std::uint64_t>(result));
  return result;
}

// ---- Waiting for descriptors.
std::int64_t Syscalls::pselect6(const Args& args) {
  // fd_set: an array of u64 words, bit n % 64 of word n / 64 for descriptor n, on both. The
  // signal mask argument is not applied: guest masks are sae-run's, and host signals interrupt
  // the wait whatever it says.
  const int count = static_cast<int>(args.a[0]);
  if (count < 0 || count > FD_SETSIZE) return Error(EINVAL);
  const std::uint64_t words = (static_cast<std::uint64_t>(count) + 63) / 64;
  fd_set sets[3];
  for (int which = 0; which < 3; ++which) {
    FD_ZERO(&sets[which]);
    const std::uint64_t address = args.a[1 + which];
    for (std::uint64_t word = 0; address != 0 && word < words; ++word) {
      const auto bits = memory_.Load<std::uint64_t>(address + 8 * word);
      if (!bits) return Error(EFAULT);
      for (int bit = 0; bit < 64; ++bit) {
        if ((*bits >> bit) & 1) FD_SET(static_cast<int>(word * 64) + bit, &sets[which]);
      }
    }
  }
  std::optional<struct timespec> timeout;
  if (args.a[4] != 0 && !(timeout = LoadTimespec(args.a[4]))) return Error(EFAULT);
  const int result = ::pselect(count, args.a[1] != 0 ? &sets[0] : nullptr, args.a[2] != 0 ? &sets[1] : nullptr,
                               args.a[3] != 0 ? &sets[2] : nullptr, timeout ? &*timeout : nullptr, nullptr);
  if (result < 0) return Error(errno);
  for (int which = 0; which < 3; ++which) {
    const std::uint64_t address = args.a[1 + which];
    for (std::uint64_t word = 0; address != 0 && word < words; ++word) {
      std::uint64_t bits = 0;
      for (int bit = 0; bit < 64 && static_cast<int>(word * 64) + bit < count; ++bit) {
        if (FD_ISSET(static_cast<int>(word * 64) + bit, &sets[which])) bits |= std::uint64_t{1} << bit;
      }
      memory_.Store<std::uint64_t>(address + 8 * word, bits);
    }
  }
  return result;
}

// ---- Memory, time and resources.
std::int64_t Syscalls::mremap(const Args& args) {
  // A new range (or the same one, when it can grow or shrinks) with the old contents.
  const std::uint64_t old_address = args.a[0], old_size = GuestMemory::PageUp(args.a[1]),
                      new_size = GuestMemory::PageUp(args.a[2]), flags = args.a[3];
  constexpr std::uint64_t kMayMove = 1, kFixed = 2;
  if (old_address % GuestMemory::kPageSize != 0 || new_size == 0 || (flags & ~(kMayMove | kFixed)) != 0 ||
      ((flags & kFixed) && !(flags & kMayMove))) {
    return Error(EINVAL);
  }
  if (memory_.Host(old_address, old_size) == nullptr) return Error(EFAULT);
  if (new_size <= old_size && !(flags & kFixed)) {
    if (new_size < old_size) {
      memory_.Unmap(old_address + new_size, old_size - new_size);
      Wrote(old_address + new_size, old_size - new_size);
    }
    return static_cast<std::int64_t>(old_address);
  }
  if (!(flags & kFixed) && memory_.IsFree(old_address + old_size, new_size - old_size)) {
    memory_.Map(old_address + old_size, new_size - old_size);
    return static_cast<std::int64_t>(old_address);
  }
  if (!(flags & kMayMove)) return Error(ENOMEM);
  std::uint64_t target = args.a[4];
  if (flags & kFixed) {
    if (target % GuestMemory::kPageSize != 0 || memory_.Host(target, new_size) == nullptr) return Error(EINVAL);
  } else {
    const auto found = memory_.FindFree(new_size);
    if (!found) return Error(ENOMEM);
    target = *found;
  }
  memory_.Map(target, new_size);
  std::memcpy(memory_.Host(target, old_size), memory_.Host(old_address, old_size), std::min(old_size, new_size));
  memory_.Unmap(old_address, old_size);
  Wrote(old_address, old_size);
  Wrote(target, new_size);
  return static_cast<std::int64_t>(target);
}
std::int64_t Syscalls::clock_getres(const Args& args) {
  struct timespec resolution;
  if (::clock_getres(static_cast<clockid_t>(args.a[0]), &resolution) != 0) return Error(errno);
  if (args.a[1] != 0 && !StoreTimespec(args.a[1], resolution)) return Error(EFAULT);
  return 0;
}
std::int64_t Syscalls::clock_nanosleep(const Args& args) {
  const auto request = LoadTimespec(args.a[2]);
  if (!request) return Error(EFAULT);
  struct timespec remaining{};
  const int error = ::clock_nanosleep(static_cast<clockid_t>(args.a[0]), static_cast<int>(args.a[1]), &*request,
                                      &remaining);
  if (error == EINTR && args.a[3] != 0) StoreTimespec(args.a[3], remaining);
  return error == 0 ? 0 : Error(error);
}
std::int64_t Syscalls::sched_getaffinity(const Args& args) {
  // A mask of u64 words in guest order; Linux returns the bytes it wrote.
  cpu_set_t set;
  if (::sched_getaffinity(static_cast<pid_t>(args.a[0]), sizeof set, &set) != 0) return Error(errno);
  const std::uint64_t size = std::min<std::uint64_t>(args.a[1], sizeof set) & ~std::uint64_t{7};
  if (size == 0) return Error(EINVAL);
  for (std::uint64_t word = 0; word < size / 8; ++word) {
    std::uint64_t bits = 0;
    for (int bit = 0; bit < 64; ++bit) {
      if (CPU_ISSET(static_cast<int>(word * 64) + bit, &set)) bits |= std::uint64_t{1} << bit;
    }
    if (!memory_.Store<std::uint64_t>(args.a[2] + 8 * word, bits)) return Error(EFAULT);
  }
  return static_cast<std::int64_t>(size);
}
std::int64_t Syscalls::times(const Args& args) {
  struct tms host;
  const clock_t ticks = ::times(&host);
  if (ticks == static_cast<clock_t>(-1)) return Error(errno);
  if (args.a[0] != 0) {
    const std::int64_t fields[] = {host.tms_utime, host.tms_stime, host.tms_cutime, host.tms_cstime};
    for (std::uint64_t i = 0; i < 4; ++i) {
      if (!memory_.Store<std::int64_t>(args.a[0] + 8 * i, fields[i])) return Error(EFAULT);
    }
  }
  return ticks;
}
std::int64_t Syscalls::getgroups(const Args& args) {
  const int count = ::getgroups(0, nullptr);
  if (count < 0) return Error(errno);
  std::vector<gid_t> groups(static_cast<std::size_t>(count));
  if (::getgroups(count, groups.data()) < 0) return Error(errno);
  if (args.a[0] == 0) return count;
  if (args.a[0] < static_cast<std::uint64_t>(count)) return Error(EINVAL);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (!memory_.Store<std::uint32_t>(args.a[1] + 4 * i, groups[i])) return Error(EFAULT);
  }
  return count;
}
std::int64_t Syscalls::getrusage(const Args& args) {
  struct rusage usage;
  if (::getrusage(static_cast<int>(args.a[0]), &usage) != 0) return Error(errno);
  return StoreRusage(usage, args.a[1]) ? 0 : Error(EFAULT);
}
std::int64_t Syscalls::sysinfo(const Args& args) {
  // struct sysinfo (64-bit): uptime, loads[3], totalram, freeram, sharedram, bufferram,
  // totalswap, freeswap (longs), procs (u16), pad, totalhigh, freehigh (longs), mem_unit (u32).
  struct sysinfo host;
  if (::sysinfo(&host) != 0) return Error(errno);
  const std::uint64_t at = args.a[0];
  std::uint8_t* guest = memory_.Host(at, 112);
  if (guest == nullptr) return Error(EFAULT);
  std::memset(guest, 0, 112);
  const std::uint64_t longs[] = {static_cast<std::uint64_t>(host.uptime), host.loads[0], host.loads[1], host.loads[2],
                                 host.totalram, host.freeram, host.sharedram, host.bufferram, host.totalswap,
                                 host.freeswap};
  for (std::uint64_t i = 0; i < 10; ++i) memory_.Store<std::uint64_t>(at + 8 * i, longs[i]);
  memory_.Store<std::uint16_t>(at + 80, host.procs);
  memory_.Store<std::uint64_t>(at + 88, host.totalhigh);
  memory_.Store<std::uint64_t>(at + 96, host.freehigh);
  memory_.Store<std::uint32_t>(at + 104, host.mem_unit);
  return 0;
}

// ---- Event counters, timers and epoll.
std::int64_t Syscalls::eventfd2(const Args& args) {
  return Result(::eventfd(static_cast<unsigned>(args.a[0]), HostOpenFlags(args.a[1])));
}
std::int64_t Syscalls::timerfd_create(const Args& args) {
  return Result(::timerfd_create(static_cast<clockid_t>(args.a[0]), HostOpenFlags(args.a[1])));
}
std::int64_t Syscalls::timerfd_settime(const Args& args) {
  // struct itimerspec: the interval, then the value.
  const auto interval = LoadTimespec(args.a[2]), value = LoadTimespec(args.a[2] + 16);
  if (!interval || !value) return Error(EFAULT);
  const struct itimerspec setting{*interval, *value};
  struct itimerspec old;
  if (::timerfd_settime(static_cast<int>(args.a[0]), static_cast<int>(args.a[1]), &setting, &old) != 0) {
    return Error(errno);
  }
  if (args.a[3] != 0 && !(StoreTimespec(args.a[3], old.it_interval) && StoreTimespec(args.a[3] + 16, old.it_value))) {
    return Error(EFAULT);
  }
  return 0;
}
std::int64_t Syscalls::timerfd_gettime(const Args& args) {
  struct itimerspec current;
  if (::timerfd_gettime(static_cast<int>(args.a[0]), &current) != 0) return Error(errno);
  if (!StoreTimespec(args.a[1], current.it_interval) || !StoreTimespec(args.a[1] + 16, current.it_value)) {
    return Error(EFAULT);
  }
  return 0;
}
std::int64_t Syscalls::epoll_create1(const Args& args) {
  return Result(::epoll_create1(HostOpenFlags(args.a[0])));
}
// struct epoll_event on arm64: u32 events, then (at 8, not packed as on x86-64) the u64 data the
// guest gets back as it gave it.
std::int64_t Syscalls::epoll_ctl(const Args& args) {
  struct epoll_event event{};
  if (args.a[3] != 0) {
    const auto events = memory_.Load<std::uint32_t>(args.a[3]);
    const auto data = memory_.Load<std::uint64_t>(args.a[3] + 8);
    if (!events || !data) return Error(EFAULT);
    event.events = *events;
    event.data.u64 = *data;
  }
  return Result(::epoll_ctl(static_cast<int>(args.a[0]), static_cast<int>(args.a[1]), static_cast<int>(args.a[2]),
                            args.a[3] != 0 ? &event : nullptr));
}
std::int64_t Syscalls::epoll_pwait(const Args& args) {
  // The signal mask is not applied, as for pselect6.
  const int most = static_cast<int>(args.a[2]);
  if (most <= 0 || most > 65536) return Error(EINVAL);
  if (memory_.Host(args.a[1], 16 * static_cast<std::uint64_t>(most)) == nullptr) return Error(EFAULT);
  std::vector<struct epoll_event> events(static_cast<std::size_t>(most));
  const int result = ::epoll_wait(static_cast<int>(args.a[0]), events.data(), most, static_cast<int>(args.a[3]));
  if (result < 0) return Error(errno);
  for (int i = 0; i < result; ++i) {
    const std::uint64_t at = args.a[1] + 16 * static_cast<std::uint64_t>(i);
    memory_.Store<std::uint32_t>(at, events[static_cast<std::size_t>(i)].events);
    memory_.Store<std::uint64_t>(at + 8, events[static_cast<std::size_t>(i)].data.u64);
  }
  return result;
}

// ---- Sockets. Families, types, flags, levels and option numbers are the same on both; what
// differs is the byte order of fields in host order (sa_family, IPv6 scope, netlink ids, int
// options, control messages).
namespace {
void SwapWords(std::uint8_t* bytes, std::size_t size, std::size_t word) {
  for (std::size_t i = 0; i + word <= size; i += word) std::reverse(bytes + i, bytes + i + word);
}
// Converts a socket address's fields kept in host byte order (sa_family, the IPv6 scope, netlink
// ids) between the byte orders; `from_host` says which one they are in.
void SwapAddressFields(std::uint8_t* bytes, std::size_t size, bool from_host) {
  if (size < 2) return;
  if (!from_host) std::reverse(bytes, bytes + 2);
  sa_family_t family;
  std::memcpy(&family, bytes, 2);
  if (from_host) std::reverse(bytes, bytes + 2);
  const auto swap32 = [&](std::size_t offset) {
    if (offset + 4 <= size) std::reverse(bytes + offset, bytes + offset + 4);
  };
  if (family == AF_INET6) swap32(24);  // sin6_scope_id
  if (family == AF_NETLINK) {
    swap32(4);  // nl_pid
    swap32(8);  // nl_groups
  }
}
// The size of the host-order words in a socket option's value.
std::size_t OptionWord(int level, int name) {
  constexpr int kReceiveTimeout = 20, kSendTimeout = 21, kBindToDevice = 25;
  if (level == SOL_SOCKET && (name == kReceiveTimeout || name == kSendTimeout)) return 8;
  if (level == SOL_SOCKET && name == kBindToDevice) return 1;
  return 4;
}
}  // namespace

std::optional<std::pair<sockaddr_storage, socklen_t>> Syscalls::HostAddress(std::uint64_t address,
                                                                           std::uint64_t length) const {
  std::pair<sockaddr_storage, socklen_t> host{};
  if (length > sizeof host.first) return std::nullopt;
  const std::uint8_t* guest = memory_.Host(address, length);
  if (guest == nullptr) return std::nullopt;
  auto* bytes = reinterpret_cast<std::uint8_t*>(&host.first);
  std::memcpy(bytes, guest, length);
  SwapAddressFields(bytes, length, false);
  host.second = static_cast<socklen_t>(length);
  return host;
}
std::int64_t Syscalls::GuestAddress(const sockaddr_storage& host, socklen_t length, std::uint64_t address,
                                    std::uint64_t length_address) {
  if (address == 0) return 0;
  const auto room = memory_.Load<std::uint32_t>(length_address);
  if (!room) return Error(EFAULT);
  std::uint8_t bytes[sizeof host];
  std::memcpy(bytes, &host, sizeof host);
  SwapAddressFields(bytes, std::min<std::size_t>(length, sizeof bytes), true);
  const std::uint32_t stored = std::min<std::uint32_t>(*room, length);
  std::uint8_t* guest = memory_.Host(address, stored);
  if (guest == nullptr && stored != 0) return Error(EFAULT);
  std::memcpy(guest, bytes, stored);
  memory_.Store<std::uint32_t>(length_address, length);
  return 0;
}

std::int64_t Syscalls::socket(const Args& args) {
  return Result(::socket(static_cast<int>(args.a[0]), static_cast<int>(args.a[1]), static_cast<int>(args.a[2])));
}
std::int64_t Syscalls::socketpair(const Args& args) {
  int fds[2];
  if (::socketpair(static_cast<int>(args.a[0]), static_cast<int>(args.a[1]), static_cast<int>(args.a[2]), fds) != 0) {
    return Error(errno);
  }
  if (!memory_.Store<std::int32_t>(args.a[3], fds[0]) || !memory_.Store<std::int32_t>(args.a[3] + 4, fds[1])) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Error(EFAULT);
  }
  return 0;
}
std::int64_t Syscalls::bind(const Args& args) {
  const auto address = HostAddress(args.a[1], args.a[2]);
  if (!address) return Error(EFAULT);
  return Result(::bind(static_cast<int>(args.a[0]), reinterpret_cast<const sockaddr*>(&address->first),
                       address->second));
}
std::int64_t Syscalls::connect(const Args& args) {
  const auto address = HostAddress(args.a[1], args.a[2]);
  if (!address) return Error(EFAULT);
  return Result(::connect(static_cast<int>(args.a[0]), reinterpret_cast<const sockaddr*>(&address->first),
                          address->second));
}
std::int64_t Syscalls::listen(const Args& args) {
  return Result(::listen(static_cast<int>(args.a[0]), static_cast<int>(args.a[1])));
}
std::int64_t Syscalls::Accept(const Args& args, int flags) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  const int fd = ::accept4(static_cast<int>(args.a[0]), reinterpret_cast<sockaddr*>(&address), &length, flags);
  if (fd < 0) return Error(errno);
  if (const std::int64_t error = GuestAddress(address, length, args.a[1], args.a[2]); error != 0) {
    ::close(fd);
    return error;
  }
  return fd;
}
std::int64_t Syscalls::accept(const Args& args) { return Accept(args, 0); }
std::int64_t Syscalls::accept4(const Args& args) { return Accept(args, HostOpenFlags(args.a[3])); }
std::int64_t Syscalls::getsockname(const Args& args) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(static_cast<int>(args.a[0]), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return Error(errno);
  }
  return GuestAddress(address, length, args.a[1], args.a[2]);
}
std::int64_t Syscalls::getpeername(const Args& args) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(static_cast<int>(args.a[0]), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return Error(errno);
  }
  return GuestAddress(address, length, args.a[1], args.a[2]);
}
std::int64_t Syscalls::sendto(const Args& args) {
  const std::uint8_t* buffer = memory_.Host(args.a[1], args.a[2]);
  if (buffer == nullptr && args.a[2] != 0) return Error(EFAULT);
  std::optional<std::pair<sockaddr_storage, socklen_t>> address;
  if (args.a[4] != 0 && !(address = HostAddress(args.a[4], args.a[5]))) return Error(EFAULT);
  return Result(::sendto(static_cast<int>(args.a[0]), buffer, args.a[2], static_cast<int>(args.a[3]),
                         address ? reinterpret_cast<const sockaddr*>(&address->first) : nullptr,
                         address ? address->second : 0));
}
std::int64_t Syscalls::recvfrom(const Args& args) {
  std::uint8_t* buffer = memory_.Host(args.a[1], args.a[2]);
  if (buffer == nullptr && args.a[2] != 0) return Error(EFAULT);
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  const std::int64_t result = Result(::recvfrom(static_cast<int>(args.a[0]), buffer, args.a[2],
                                                static_cast<int>(args.a[3]), reinterpret_cast<sockaddr*>(&address),
                                                &length));
  if (result < 0) return result;
  Wrote(args.a[1], static_cast<std::uint64_t>(result));
  if (const std::int64_t error = GuestAddress(address, length, args.a[4], args.a[5]); error != 0) return error;
  return result;
}
std::int64_t Syscalls::setsockopt(const Args& args) {
  const int level = static_cast<int>(args.a[1]), name = static_cast<int>(args.a[2]);
  if (args.a[4] > 256) return Error(EINVAL);
  const std::uint8_t* guest = memory_.Host(args.a[3], args.a[4]);
  if (guest == nullptr && args.a[4] != 0) return Error(EFAULT);
  std::uint8_t value[256];
  std::memcpy(value, guest, args.a[4]);
  SwapWords(value, args.a[4], OptionWord(level, name));
  return Result(::setsockopt(static_cast<int>(args.a[0]), level, name, value, static_cast<socklen_t>(args.a[4])));
}
std::int64_t Syscalls::getsockopt(const Args& args) {
  const int level = static_cast<int>(args.a[1]), name = static_cast<int>(args.a[2]);
  const auto room = memory_.Load<std::uint32_t>(args.a[4]);
  if (!room) return Error(EFAULT);
  std::uint8_t value[256] = {};
  socklen_t length = std::min<socklen_t>(*room, sizeof value);
  if (::getsockopt(static_cast<int>(args.a[0]), level, name, value, &length) != 0) return Error(errno);
  SwapWords(value, length, OptionWord(level, name));
  std::uint8_t* guest = memory_.Host(args.a[3], length);
  if (guest == nullptr && length != 0) return Error(EFAULT);
  std::memcpy(guest, value, length);
  memory_.Store<std::uint32_t>(args.a[4], length);
  return 0;
}
std::int64_t Syscalls::shutdown(const Args& args) {
  return Result(::shutdown(static_cast<int>(args.a[0]), static_cast<int>(args.a[1])));
}

namespace {
// Converts control messages (struct cmsghdr: u64 length, i32 level, i32 type, data 8-aligned)
// between the byte orders; `from_host` says which one they are in. SCM_RIGHTS' descriptors and
// SCM_CREDENTIALS' ids are ints, other data is left as bytes.
void SwapControl(std::uint8_t* bytes, std::size_t size, bool from_host) {
  for (std::size_t at = 0; at + 16 <= size;) {
    if (!from_host) {
      SwapWords(bytes + at, 8, 8);
      SwapWords(bytes + at + 8, 8, 4);
    }
    std::uint64_t length;
    int level, type;
    std::memcpy(&length, bytes + at, 8);
    std::memcpy(&level, bytes + at + 8, 4);
    std::memcpy(&type, bytes + at + 12, 4);
    if (from_host) {
      SwapWords(bytes + at, 8, 8);
      SwapWords(bytes + at + 8, 8, 4);
    }
    if (length < 16 || length > size - at) return;
    if (level == SOL_SOCKET && (type == SCM_RIGHTS || type == SCM_CREDENTIALS)) {
      SwapWords(bytes + at + 16, length - 16, 4);
    }
    at += (length + 7) & ~std::uint64_t{7};
  }
}
}  // namespace

std::int64_t Syscalls::sendmsg(const Args& args) {
  // struct msghdr: name (8), namelen (u32, then padding), iov (8), iovlen (8), control (8),
  // controllen (8), flags (i32).
  const std::uint64_t at = args.a[1];
  const auto name = memory_.Load<std::uint64_t>(at);
  const auto name_length = memory_.Load<std::uint32_t>(at + 8);
  const auto iov = memory_.Load<std::uint64_t>(at + 16), iov_length = memory_.Load<std::uint64_t>(at + 24);
  const auto control = memory_.Load<std::uint64_t>(at + 32), control_length = memory_.Load<std::uint64_t>(at + 40);
  if (!name || !name_length || !iov || !iov_length || !control || !control_length) return Error(EFAULT);
  auto vectors = IoVectors(memory_, *iov, *iov_length);
  if (!vectors) return Error(EFAULT);
  std::optional<std::pair<sockaddr_storage, socklen_t>> address;
  if (*name != 0 && !(address = HostAddress(*name, *name_length))) return Error(EFAULT);
  if (*control_length > 65536) return Error(EINVAL);
  std::vector<std::uint8_t> control_data(*control_length);
  if (*control_length != 0) {
    const std::uint8_t* guest = memory_.Host(*control, *control_length);
    if (guest == nullptr) return Error(EFAULT);
    std::memcpy(control_data.data(), guest, *control_length);
    SwapControl(control_data.data(), control_data.size(), false);
  }
  struct msghdr message{};
  message.msg_name = address ? &address->first : nullptr;
  message.msg_namelen = address ? address->second : 0;
  message.msg_iov = vectors->data();
  message.msg_iovlen = vectors->size();
  message.msg_control = control_data.empty() ? nullptr : control_data.data();
  message.msg_controllen = control_data.size();
  return Result(::sendmsg(static_cast<int>(args.a[0]), &message, static_cast<int>(args.a[2])));
}
std::int64_t Syscalls::recvmsg(const Args& args) {
  const std::uint64_t at = args.a[1];
  const auto name = memory_.Load<std::uint64_t>(at);
  const auto iov = memory_.Load<std::uint64_t>(at + 16), iov_length = memory_.Load<std::uint64_t>(at + 24);
  const auto control = memory_.Load<std::uint64_t>(at + 32), control_length = memory_.Load<std::uint64_t>(at + 40);
  if (!name || !iov || !iov_length || !control || !control_length) return Error(EFAULT);
  auto vectors = IoVectors(memory_, *iov, *iov_length);
  if (!vectors) return Error(EFAULT);
  if (*control_length > 65536) return Error(EINVAL);
  std::vector<std::uint8_t> control_data(*control_length);
  sockaddr_storage address{};
  struct msghdr message{};
  message.msg_name = *name != 0 ? &address : nullptr;
  message.msg_namelen = *name != 0 ? sizeof address : 0;
  message.msg_iov = vectors->data();
  message.msg_iovlen = vectors->size();
  message.msg_control = control_data.empty() ? nullptr : control_data.data();
  message.msg_controllen = control_data.size();
  const std::int64_t result = Result(::recvmsg(static_cast<int>(args.a[0]), &message, static_cast<int>(args.a[2])));
  if (result < 0) return result;
  std::uint64_t left = static_cast<std::uint64_t>(result);
  for (const iovec& vector : *vectors) {
    const std::uint64_t written = std::min<std::uint64_t>(left, vector.iov_len);
    if (written != 0) Wrote(static_cast<std::uint64_t>(static_cast<std::uint8_t*>(vector.iov_base) - memory_.base()), written);
    left -= written;
  }
  if (*name != 0) {
    if (const std::int64_t error = GuestAddress(address, message.msg_namelen, *name, at + 8); error != 0) return error;
  }
  if (message.msg_controllen != 0) {
    SwapControl(control_data.data(), message.msg_controllen, true);
    std::uint8_t* guest = memory_.Host(*control, message.msg_controllen);
    if (guest == nullptr) return Error(EFAULT);
    std::memcpy(guest, control_data.data(), message.msg_controllen);
  }
  memory_.Store<std::uint64_t>(at + 40, message.msg_controllen);
  memory_.Store<std::int32_t>(at + 48, message.msg_flags);
  return result;
}

// ---- Interval timers, priorities, ids.
namespace {
// struct itimerval: two timevals (interval, value) of two s64 each.
bool StoreTimer(const GuestMemory& memory, std::uint64_t at, const struct itimerval& timer) {
  const std::int64_t fields[] = {timer.it_interval.tv_sec, timer.it_interval.tv_usec, timer.it_value.tv_sec,
                                 timer.it_value.tv_usec};
  for (std::uint64_t i = 0; i < 4; ++i) {
    if (!memory.Store<std::int64_t>(at + 8 * i, fields[i])) return false;
  }
  return true;
}
}  // namespace
std::int64_t Syscalls::getitimer(const Args& args) {
  struct itimerval timer;
  if (::getitimer(static_cast<__itimer_which>(args.a[0]), &timer) != 0) return Error(errno);
  return StoreTimer(memory_, args.a[1], timer) ? 0 : Error(EFAULT);
}
std::int64_t Syscalls::setitimer(const Args& args) {
  // The host's timer signals the host process, which passes SIGALRM (or SIGVTALRM, SIGPROF) on.
  std::int64_t fields[4];
  for (std::uint64_t i = 0; i < 4; ++i) {
    const auto field = memory_.Load<std::int64_t>(args.a[1] + 8 * i);
    if (!field) return Error(EFAULT);
    fields[i] = *field;
  }
  const struct itimerval timer{{fields[0], fields[1]}, {fields[2], fields[3]}};
  struct itimerval old;
  if (::setitimer(static_cast<__itimer_which>(args.a[0]), &timer, &old) != 0) return Error(errno);
  if (args.a[2] != 0 && !StoreTimer(memory_, args.a[2], old)) return Error(EFAULT);
  return 0;
}
std::int64_t Syscalls::getpriority(const Args& args) {
  // The system call's result is 20 - nice, never negative (glibc undoes it).
  errno = 0;
  const int nice = ::getpriority(static_cast<__priority_which>(args.a[0]), static_cast<id_t>(args.a[1]));
  if (nice == -1 && errno != 0) return Error(errno);
  return 20 - nice;
}
std::int64_t Syscalls::setpriority(const Args& args) {
  return Result(::setpriority(static_cast<__priority_which>(args.a[0]), static_cast<id_t>(args.a[1]),
                              static_cast<int>(args.a[2])));
}
std::int64_t Syscalls::getresuid(const Args& args) {
  uid_t ids[3];
  if (::getresuid(&ids[0], &ids[1], &ids[2]) != 0) return Error(errno);
  for (std::uint64_t i = 0; i < 3; ++i) {
    if (!memory_.Store<std::uint32_t>(args.a[i], ids[i])) return Error(EFAULT);
  }
  return 0;
}
std::int64_t Syscalls::getresgid(const Args& args) {
  gid_t ids[3];
  if (::getresgid(&ids[0], &ids[1], &ids[2]) != 0) return Error(errno);
  for (std::uint64_t i = 0; i < 3; ++i) {
    if (!memory_.Store<std::uint32_t>(args.a[i], ids[i])) return Error(EFAULT);
  }
  return 0;
}

}  // namespace sae::run
