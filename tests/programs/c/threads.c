// Threads through the C library: a mutex-protected counter, C11 atomics, a condition variable
// hand-off, thread-local storage, a barrier, join results and a once-only initializer.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

enum { kThreads = 4, kIterations = 20000 };

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static long locked_counter;
static atomic_long atomic_counter;
static atomic_int maximum;
static _Thread_local int thread_local_value;
static pthread_barrier_t barrier;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int initialized;

static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static int queue[8], queued, taken;

static void initialize(void) { ++initialized; }

static void* work(void* argument) {
  const intptr_t index = (intptr_t)argument;
  pthread_once(&once, initialize);
  thread_local_value = (int)index * 100;
  pthread_barrier_wait(&barrier);
  for (int i = 0; i < kIterations; ++i) {
    pthread_mutex_lock(&mutex);
    ++locked_counter;
    pthread_mutex_unlock(&mutex);
    atomic_fetch_add_explicit(&atomic_counter, 2, memory_order_relaxed);
    int seen = atomic_load(&maximum);
    while (seen < i && !atomic_compare_exchange_weak(&maximum, &seen, i)) {
    }
  }
  return (void*)(intptr_t)(thread_local_value + index);
}

static void* consume(void* unused) {
  (void)unused;
  long sum = 0;
  pthread_mutex_lock(&mutex);
  while (taken < 8) {
    while (taken == queued) pthread_cond_wait(&ready, &mutex);
    sum += queue[taken++];
  }
  pthread_mutex_unlock(&mutex);
  return (void*)sum;
}

int main(void) {
  pthread_t threads[kThreads];
  pthread_barrier_init(&barrier, NULL, kThreads);
  for (intptr_t i = 0; i < kThreads; ++i) pthread_create(&threads[i], NULL, work, (void*)i);
  for (int i = 0; i < kThreads; ++i) {
    void* result;
    pthread_join(threads[i], &result);
    printf("thread %d returned %ld\n", i, (long)(intptr_t)result);
  }
  printf("locked %ld atomic %ld maximum %d initialized %d main's TLS %d\n", locked_counter,
         atomic_load(&atomic_counter), atomic_load(&maximum), initialized, thread_local_value);

  pthread_t consumer;
  pthread_create(&consumer, NULL, consume, NULL);
  for (int i = 0; i < 8; ++i) {
    pthread_mutex_lock(&mutex);
    queue[queued++] = (i + 1) * (i + 1);
    pthread_cond_signal(&ready);
    pthread_mutex_unlock(&mutex);
  }
  void* sum;
  pthread_join(consumer, &sum);
  printf("consumer summed %ld\n", (long)sum);

  _Atomic unsigned long long wide = 0;
  atomic_fetch_or(&wide, 1ull << 63);
  atomic_fetch_xor(&wide, 0xffull);
  unsigned long long expected = wide;
  atomic_compare_exchange_strong(&wide, &expected, expected + 1);
  printf("atomic bits %llx, exchange %llx\n", (unsigned long long)wide, atomic_exchange(&wide, 7ull));
  return 0;
}
