package org.engagement.examples.cli;

import java.util.concurrent.Callable;
import org.engagement.examples.quickstart.QuickStart;
import picocli.CommandLine.Command;

/** {@code engagement quickstart}: the quick start on the bundled sample data. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Import the bundled sample interactions and show the first answers.")
final class QuickStartCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    QuickStart.run(System.out);
    return 0;
  }
}
