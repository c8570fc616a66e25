package org.engagement.cli;

import picocli.CommandLine.Option;

/** The option of the commands whose CSV output holds text from the input (a picocli mixin). */
final class CsvOptions {
  @Option(names = "--raw-csv",
      description = "write text cells as they are; by default a cell starting with = + - @, a tab or a carriage return is "
          + "prefixed with ' so that a spreadsheet shows it instead of running it as a formula")
  boolean raw;

  /** The cells to write with. */
  CsvCells cells() {
    return CsvCells.of(raw);
  }
}
