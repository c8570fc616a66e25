package org.engagement.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PeriodFiguresTask} computed ahead on a section thread: running out of memory there, in any of the forms
 * {@link org.engagement.report.internal.memory.MemoryFailure} knows (the JDK wraps it in an {@link InternalError}
 * while it links a lambda), keeps nothing and the summary computes the figures again; any other error is a fault
 * and goes through; an exception is kept for the summary. A generated 300-person world.
 */
class PeriodFiguresTaskTest {
  @TempDir
  static Path dir;
  private static Analysis analysis;

  @BeforeAll
  static void world() throws IOException {
    WorldWriter.write(WorldSpec.builder().customers(300).seed(5).build(), dir);
    analysis = Analysis.of(AnalysisInput.read(dir), Progress.none());
  }

  @Test
  void runningOutOfMemoryAheadInTheJdksWrappedFormLeavesTheFiguresForLater() {
    AtomicInteger calls = new AtomicInteger();
    PeriodFiguresTask task = new PeriodFiguresTask(analysis, a -> {
      if (calls.incrementAndGet() == 1) {
        throw new InternalError(new OutOfMemoryError("Java heap space"));
      }
      return PeriodFigures.of(a);
    });

    task.run();

    assertThat(task.get()).isNotNull();
    assertThat(calls).hasValue(2);
  }

  @Test
  void anotherErrorAheadIsAFaultAndGoesThrough() {
    InternalError bug = new InternalError("a bug");
    PeriodFiguresTask task = new PeriodFiguresTask(analysis, a -> {
      throw bug;
    });

    assertThatThrownBy(task::run).isSameAs(bug);
  }

  @Test
  void anExceptionAheadIsKeptForTheSummary() {
    IllegalStateException failed = new IllegalStateException("no purchases in one half");
    AtomicInteger calls = new AtomicInteger();
    PeriodFiguresTask task = new PeriodFiguresTask(analysis, a -> {
      calls.incrementAndGet();
      throw failed;
    });

    task.run();

    assertThatThrownBy(task::get).isSameAs(failed);
    assertThat(calls).hasValue(1);
  }
}
