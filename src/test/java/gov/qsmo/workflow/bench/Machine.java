package gov.qsmo.workflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark reads about its own process and the machine: load averages and resident memory. */
final class Machine {

  private Machine() {
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg writes them. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  /** CPU time this process has used so far, all threads, in milliseconds (-1 if the JVM cannot tell). */
  static long cpuMs() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1_000_000;
    }
    return -1;
  }

  /** Resident memory of this process in MiB (VmRSS), or -1 where /proc is not there. */
  static long rssMib() {
    return statusMib("self", "VmRSS:");
  }

  /** Resident memory of another process of this machine in MiB (VmRSS), or -1. */
  static long rssMib(long pid) {
    return statusMib(String.valueOf(pid), "VmRSS:");
  }

  /** The highest resident memory another process has had, in MiB (VmHWM), or -1. */
  static long peakRssMib(long pid) {
    return statusMib(String.valueOf(pid), "VmHWM:");
  }

  /** CPU time (user and system) another process has used so far, in milliseconds, or -1. */
  static long cpuMs(long pid) {
    try {
      return statCpuMs(Path.of("/proc", String.valueOf(pid), "stat"));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The CPU time a process's or thread's {@code stat} file gives, in milliseconds. */
  private static long statCpuMs(Path statFile) throws IOException {
    String stat = Files.readString(statFile);
    // After the command name in parentheses: fields 14 and 15 of the line are utime and stime, in clock ticks.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  /**
   * CPU time (user and system) the threads of another process have used so far, in milliseconds, summed by kind
   * of thread as their names tell: web requests, jobs, e-mail sender and scheduled passes, JIT compiler, garbage
   * collector and VM, other. Empty where /proc is not there. A thread that has ended is no longer counted (the JVM
   * stops compiler threads it no longer needs: the JIT's figure is a lower bound).
   */
  static java.util.Map<String, Long> cpuMsByThreadKind(long pid) {
    java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path thread : threads.toList()) {
        try {
          String name = Files.readString(thread.resolve("comm")).trim();
          kinds.merge(threadKind(name), statCpuMs(thread.resolve("stat")), Long::sum);
        } catch (IOException | RuntimeException ended) {
          // the thread ended while the list was read
        }
      }
    } catch (IOException | RuntimeException e) {
      return java.util.Map.of();
    }
    return kinds;
  }

  /**
   * The kind of a thread of the server or of this JVM, by its name (its Java name, or the operating system's, cut
   * to 15 characters).
   */
  static String threadKind(String name) {
    if (name.startsWith("http-nio")) {
      return "web requests";
    }
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return "JIT compiler";
    }
    if (name.startsWith("VM Thread") || name.startsWith("GC ") || name.startsWith("G1 ")) {
      return "garbage collector and VM";
    }
    if (name.startsWith("qsmo-mail") || name.startsWith("scheduling")) {
      return "e-mail sender and scheduled passes";
    }
    if (name.startsWith("camunda") || name.contains("JobExecutor") || name.startsWith("task-")) {
      return "jobs";
    }
    if (name.contains("-client-") || name.startsWith("HttpClient")) {
      return "benchmark clients";
    }
    return "other";
  }

  /**
   * CPU time all processes of the machine have used so far (user, nice, system, interrupts; not steal, the time
   * the hypervisor gave to other machines: the first line of /proc/stat), in milliseconds, or -1.
   */
  static long machineBusyMs() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long ticks = 0;
      for (int i : new int[] {1, 2, 3, 6, 7}) {
        ticks += Long.parseLong(fields[i]);
      }
      return ticks * 10;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long statusMib(String process, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
