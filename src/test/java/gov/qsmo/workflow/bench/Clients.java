package gov.qsmo.workflow.bench;

import gov.qsmo.workflow.HttpTestClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * N concurrent clients working through one queue of requests: each takes the next item, sends it and
 * waits for the answer before taking another (closed loop, no think time).
 */
final class Clients {

  /** What one run gave: answers in the 2xx range, the others, wall time and latencies. */
  record Run(String name, int clients, int succeeded, int failed, double seconds, Latencies latencies,
      List<String> failures) {

    double perSecond() {
      return seconds == 0 ? 0 : succeeded / seconds;
    }
  }

  private Clients() {
  }

  static <T> Run run(String name, int clients, List<T> items, Function<T, HttpTestClient.Response> send) {
    ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
    Latencies latencies = new Latencies();
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        T item;
        while ((item = queue.poll()) != null) {
          long began = System.nanoTime();
          HttpTestClient.Response response;
          try {
            response = send.apply(item);
          } catch (RuntimeException e) {
            // A request that got no answer (connection refused or reset, timeout) counts as failed.
            response = new HttpTestClient.Response(-1, e.toString());
          }
          latencies.add(System.nanoTime() - began);
          if (response.ok()) {
            succeeded.incrementAndGet();
          } else {
            failed.incrementAndGet();
            if (failures.size() < 5) {
              failures.add(response.status() + " " + abbreviate(response.body()));
            }
          }
        }
      }, name + "-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    long began = System.nanoTime();
    start.countDown();
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    return new Run(name, clients, succeeded.get(), failed.get(), seconds, latencies, List.copyOf(failures));
  }

  private static String abbreviate(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
