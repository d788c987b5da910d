package dev.casebook.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs jobs on every core: the calling thread and one task per common pool thread each take the
 * next job from the list until none is left. Jobs that differ a lot in size (the first search
 * index against a text file, the table of all write-ups against one write-up's page) are handed
 * out one at a time, in list order, rather than split into fixed parts as a parallel stream does,
 * which would leave one core with most of the work; put the largest first.
 */
public final class Jobs {
  private Jobs() {}

  /**
   * Runs {@code each} for every index from 0 to {@code count} (exclusive) on every core, {@code chunk}
   * indexes at a time, in order within a chunk: for many small pieces of work of about one size.
   */
  public static void forEachIndex(int count, int chunk, java.util.function.IntConsumer each) {
    List<Runnable> jobs = new ArrayList<>();
    for (int from = 0; from < count; from += chunk) {
      int start = from;
      int end = Math.min(count, from + chunk);
      jobs.add(() -> {
        for (int n = start; n < end; n++) each.accept(n);
      });
    }
    run(jobs);
  }

  /** Runs every job; rethrows the first job's unchecked exception, after which no new job starts. */
  public static void run(List<Runnable> jobs) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
        try {
          jobs.get(i).run();
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
          next.set(jobs.size());
        }
      }
    };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), jobs.size() - 1);
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    for (int n = 0; n < helpers; n++) tasks.add(ForkJoinPool.commonPool().submit(worker));
    worker.run();
    for (ForkJoinTask<?> task : tasks) task.join();
    if (failure.get() != null) throw failure.get();
  }
}
