// Sockets on loopback and event descriptors: a TCP server and client (threads), UDP datagrams
// with their source address, a descriptor passed over a Unix socket pair (SCM_RIGHTS), socket
// options, epoll and select on them, eventfd counters and a timerfd. Ports are the kernel's
// choice, so only facts about them are printed.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <unistd.h>

static void check(int ok, const char* what) {
  if (!ok) {
    perror(what);
    exit(1);
  }
}

static struct sockaddr_in loopback(uint16_t port) {
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

static char server_peer[64];  // what the server saw, printed after it is joined (no race on stdout)

static void* serve(void* argument) {
  const int listener = (int)(intptr_t)argument;
  struct sockaddr_in peer;
  socklen_t length = sizeof peer;
  const int connection = accept(listener, (struct sockaddr*)&peer, &length);
  check(connection >= 0, "accept");
  snprintf(server_peer, sizeof server_peer, "%s, length %u", inet_ntoa(peer.sin_addr), length);
  char buffer[256];
  ssize_t got;
  size_t total = 0;
  while ((got = read(connection, buffer, sizeof buffer)) > 0) {
    for (ssize_t i = 0; i < got; ++i) buffer[i] = (char)(buffer[i] >= 'a' && buffer[i] <= 'z' ? buffer[i] - 32 : buffer[i]);
    check(write(connection, buffer, (size_t)got) == got, "server write");
    total += (size_t)got;
  }
  close(connection);
  return (void*)(uintptr_t)total;
}

int main(void) {
  // TCP.
  const int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  check(listener >= 0, "socket");
  const int one = 1;
  check(setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0, "SO_REUSEADDR");
  int value = 0;
  socklen_t value_length = sizeof value;
  check(getsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &value, &value_length) == 0, "getsockopt");
  printf("SO_REUSEADDR %d (length %u), type %d\n", value != 0, value_length,
         (getsockopt(listener, SOL_SOCKET, SO_TYPE, &value, &value_length), value));
  struct sockaddr_in address = loopback(0);
  check(bind(listener, (struct sockaddr*)&address, sizeof address) == 0, "bind");
  check(listen(listener, 4) == 0, "listen");
  socklen_t length = sizeof address;
  check(getsockname(listener, (struct sockaddr*)&address, &length) == 0, "getsockname");
  printf("listening on %s, a port of its own: %d\n", inet_ntoa(address.sin_addr), ntohs(address.sin_port) != 0);
  pthread_t server;
  pthread_create(&server, NULL, serve, (void*)(intptr_t)listener);
  const int client = socket(AF_INET, SOCK_STREAM, 0);
  check(connect(client, (struct sockaddr*)&address, sizeof address) == 0, "connect");
  check(setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0, "TCP_NODELAY");
  struct sockaddr_in peer;
  length = sizeof peer;
  check(getpeername(client, (struct sockaddr*)&peer, &length) == 0, "getpeername");
  printf("client: connected to the server's port %d\n", peer.sin_port == address.sin_port);
  const char* messages[] = {"hello, ", "loopback ", "world"};
  char reply[64] = {0};
  size_t received = 0, sent = 0;
  for (int i = 0; i < 3; ++i) {
    check(send(client, messages[i], strlen(messages[i]), 0) == (ssize_t)strlen(messages[i]), "send");
    sent += strlen(messages[i]);
    while (received < sent) {  // the reply to each message before the next
      const ssize_t got = recv(client, reply + received, sizeof reply - 1 - received, 0);
      check(got > 0, "recv");
      received += (size_t)got;
    }
  }
  printf("client got back \"%s\"\n", reply);
  check(shutdown(client, SHUT_WR) == 0, "shutdown");
  printf("end of stream after shutdown: %zd\n", recv(client, reply, sizeof reply, 0));
  void* total;
  pthread_join(server, &total);
  printf("server: peer %s, echoed %lu bytes\n", server_peer, (unsigned long)(uintptr_t)total);
  close(client);
  close(listener);

  // UDP.
  const int receiver = socket(AF_INET, SOCK_DGRAM, 0), sender = socket(AF_INET, SOCK_DGRAM, 0);
  address = loopback(0);
  check(bind(receiver, (struct sockaddr*)&address, sizeof address) == 0, "bind udp");
  length = sizeof address;
  getsockname(receiver, (struct sockaddr*)&address, &length);
  struct sockaddr_in sender_address = loopback(0);
  check(bind(sender, (struct sockaddr*)&sender_address, sizeof sender_address) == 0, "bind sender");
  length = sizeof sender_address;
  getsockname(sender, (struct sockaddr*)&sender_address, &length);
  check(sendto(sender, "datagram one", 12, 0, (struct sockaddr*)&address, sizeof address) == 12, "sendto");
  check(sendto(sender, "two", 3, 0, (struct sockaddr*)&address, sizeof address) == 3, "sendto");
  for (int i = 0; i < 2; ++i) {
    char datagram[32] = {0};
    struct sockaddr_in from;
    length = sizeof from;
    const ssize_t got = recvfrom(receiver, datagram, sizeof datagram, 0, (struct sockaddr*)&from, &length);
    printf("datagram of %zd bytes \"%s\" from the sender: %d\n", got, datagram,
           from.sin_family == AF_INET && from.sin_port == sender_address.sin_port &&
               from.sin_addr.s_addr == sender_address.sin_addr.s_addr);
  }
  close(receiver);
  close(sender);

  // A descriptor over a Unix socket pair.
  int pair[2], pipe_ends[2];
  check(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0, "socketpair");
  check(pipe(pipe_ends) == 0, "pipe");
  union {
    char bytes[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } control = {0};
  struct iovec vector = {.iov_base = "fd", .iov_len = 2};
  struct msghdr message = {.msg_iov = &vector, .msg_iovlen = 1, .msg_control = control.bytes,
                           .msg_controllen = sizeof control.bytes};
  struct cmsghdr* header = CMSG_FIRSTHDR(&message);
  header->cmsg_level = SOL_SOCKET;
  header->cmsg_type = SCM_RIGHTS;
  header->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(header), &pipe_ends[1], sizeof(int));
  check(sendmsg(pair[0], &message, 0) == 2, "sendmsg");
  char tag[3] = {0};
  vector.iov_base = tag;
  memset(&control, 0, sizeof control);
  message.msg_controllen = sizeof control.bytes;
  check(recvmsg(pair[1], &message, 0) == 2, "recvmsg");
  header = CMSG_FIRSTHDR(&message);
  int passed = -1;
  memcpy(&passed, CMSG_DATA(header), sizeof passed);
  printf("received \"%s\" with %s, a new descriptor: %d\n", tag,
         header->cmsg_type == SCM_RIGHTS ? "SCM_RIGHTS" : "something else", passed != pipe_ends[1]);
  check(write(passed, "through the passed descriptor", 29) == 29, "write passed");

  // epoll and select over the pipe and the socket pair.
  const int epoll = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event event = {.events = EPOLLIN, .data.u64 = 0x1122334455667788u};
  check(epoll_ctl(epoll, EPOLL_CTL_ADD, pipe_ends[0], &event) == 0, "epoll_ctl");
  event.data.u64 = 42;
  check(epoll_ctl(epoll, EPOLL_CTL_ADD, pair[1], &event) == 0, "epoll_ctl pair");
  struct epoll_event ready[4];
  int count = epoll_wait(epoll, ready, 4, 1000);
  printf("epoll: %d ready, data %llx, events %x\n", count, (unsigned long long)ready[0].data.u64, ready[0].events);
  fd_set readable;
  FD_ZERO(&readable);
  FD_SET(pipe_ends[0], &readable);
  FD_SET(pair[1], &readable);
  struct timeval timeout = {1, 0};
  count = select((pipe_ends[0] > pair[1] ? pipe_ends[0] : pair[1]) + 1, &readable, NULL, NULL, &timeout);
  printf("select: %d ready, pipe %d, socket %d\n", count, FD_ISSET(pipe_ends[0], &readable) != 0,
         FD_ISSET(pair[1], &readable) != 0);
  char text[64] = {0};
  printf("pipe says \"%.*s\"\n", (int)read(pipe_ends[0], text, sizeof text), text);

  // eventfd and timerfd.
  const int counter = eventfd(5, EFD_CLOEXEC);
  uint64_t add = 37, total_count = 0;
  check(write(counter, &add, sizeof add) == 8, "eventfd write");
  check(read(counter, &total_count, sizeof total_count) == 8, "eventfd read");
  printf("eventfd counted %llu\n", (unsigned long long)total_count);
  const int timer = timerfd_create(CLOCK_MONOTONIC, 0);
  const struct itimerspec setting = {.it_interval = {0, 1000000}, .it_value = {0, 1000000}};
  check(timerfd_settime(timer, 0, &setting, NULL) == 0, "timerfd_settime");
  struct itimerspec current;
  timerfd_gettime(timer, &current);
  printf("timer interval %ld ns\n", current.it_interval.tv_nsec);
  uint64_t expirations = 0;
  check(read(timer, &expirations, sizeof expirations) == 8, "timerfd read");
  printf("timer expired at least once, not absurdly often: %d\n", expirations >= 1 && expirations < 1000000);
  return 0;
}
